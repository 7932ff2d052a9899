package com.blogplatform.blog.content;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.blog.content.BlogFailure.AuthUnavailable;
import com.blogplatform.blog.content.BlogFailure.AuthorNotFound;
import com.blogplatform.blog.content.BlogFailure.BlogNotFound;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * What anyone may read: published blogs by id or slug, and lists. Single blogs, pages of the lists
 * and similar lists are cached; {@link BlogChanged} evicts them, so an unpublished or deleted blog is never served
 * from the cache ({@link CatalogKeys} names the entries). What it cannot find is a {@link BlogFailure}.
 */
@Service
@CacheConfig(keyGenerator = CatalogKeys.NAME)
public class BlogCatalog {

	private final Blogs blogs;

	private final AuthPort auth;

	BlogCatalog(Blogs blogs, AuthPort auth) {
		this.blogs = blogs;
		this.auth = auth;
	}

	@Cacheable(cacheNames = BlogCacheNames.BY_ID)
	public PublishedBlog byId(ObjectId id) {
		return present(published(id));
	}

	@Cacheable(cacheNames = BlogCacheNames.BY_SLUG)
	public PublishedBlog bySlug(String slug) {
		return present(blogs.findBySlugAndPublishedTrueAndStatusTrue(slug).orElseThrow(() -> new BlogNotFound(null)));
	}

	/**
	 * Cached by page: a list is read far more often than blogs change, and every change of a published
	 * blog drops every cached page ({@link BlogChanged}), so a page is never older than the last change.
	 */
	@Cacheable(cacheNames = BlogCacheNames.LATEST)
	public List<BlogSummary> latest(Paging page) {
		return BlogSummary.listOf(blogs.findByPublishedTrueAndStatusTrue(page.pageable()));
	}

	@Cacheable(cacheNames = BlogCacheNames.TAGGED)
	public List<BlogSummary> tagged(String tag, Paging page) {
		return BlogSummary.listOf(blogs.findByTagsAndPublishedTrueAndStatusTrue(tag, page.pageable()));
	}

	/** At most six published blogs like this one, never itself; see {@link SimilarityRanking}. */
	@Cacheable(cacheNames = BlogCacheNames.SIMILAR)
	public List<BlogSummary> similar(ObjectId id) {
		Blog source = published(id);
		List<Blog> candidates = blogs.findSimilarCandidates(source.id(), source.tags(),
				SimilarityRanking.anyWordRegex(SimilarityRanking.words(source.title())),
				PageRequest.of(0, SimilarityRanking.MAX_CANDIDATES, Paging.RECENT_FIRST));
		return BlogSummary.listOf(SimilarityRanking.rank(source, candidates));
	}

	private Blog published(ObjectId id) {
		return blogs.findByIdAndPublishedTrueAndStatusTrue(id).orElseThrow(() -> new BlogNotFound(id));
	}

	private PublishedBlog present(Blog blog) {
		return switch (auth.findProfile(blog.author())) {
			case ProfileResult.Found found -> PublishedBlog.of(blog, found.profile());
			case ProfileResult.NotFound notFound -> throw new AuthorNotFound();
			case ProfileResult.Unavailable unavailable -> throw new AuthUnavailable();
		};
	}
}
