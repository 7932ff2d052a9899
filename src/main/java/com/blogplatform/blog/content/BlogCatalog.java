package com.blogplatform.blog.content;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.shared.web.ApiException;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * What anyone may read: published blogs by id or slug, and lists. Single blogs and similar lists
 * are cached; {@link BlogChanged} evicts them, so an unpublished or deleted blog is never served
 * from the cache.
 */
@Service
public class BlogCatalog {

	private final Blogs blogs;

	private final AuthPort auth;

	BlogCatalog(Blogs blogs, AuthPort auth) {
		this.blogs = blogs;
		this.auth = auth;
	}

	@Cacheable(cacheNames = BlogCacheNames.BY_ID, key = "#id.toHexString()")
	public BlogViews.PublicBlog byId(ObjectId id) {
		return present(blogs.findByIdAndPublishedTrueAndStatusTrue(id).orElseThrow(BlogCatalog::notFound));
	}

	@Cacheable(cacheNames = BlogCacheNames.BY_SLUG, key = "#slug")
	public BlogViews.PublicBlog bySlug(String slug) {
		return present(blogs.findBySlugAndPublishedTrueAndStatusTrue(slug).orElseThrow(BlogCatalog::notFound));
	}

	public List<BlogViews.ItemBlog> latest(Paging page) {
		return blogs.findByPublishedTrueAndStatusTrue(page.pageable()).stream().map(BlogViews.ItemBlog::of).toList();
	}

	public List<BlogViews.ItemBlog> tagged(String tag, Paging page) {
		return blogs.findByTagsAndPublishedTrueAndStatusTrue(tag, page.pageable()).stream().map(BlogViews.ItemBlog::of).toList();
	}

	/** At most six published blogs like this one, never itself; see {@link SimilarityRanking}. */
	@Cacheable(cacheNames = BlogCacheNames.SIMILAR, key = "#id.toHexString()")
	public List<BlogViews.ItemBlog> similar(ObjectId id) {
		Blog source = blogs.findByIdAndPublishedTrueAndStatusTrue(id).orElseThrow(BlogCatalog::notFound);
		List<Blog> candidates = blogs.findSimilarCandidates(source.id(), source.tags(),
				SimilarityRanking.anyWordRegex(SimilarityRanking.words(source.title())),
				org.springframework.data.domain.PageRequest.of(0, SimilarityRanking.MAX_CANDIDATES, Paging.RECENT_FIRST));
		return SimilarityRanking.rank(source, candidates).stream().map(BlogViews.ItemBlog::of).toList();
	}

	private BlogViews.PublicBlog present(Blog blog) {
		return switch (auth.findProfile(blog.author())) {
			case ProfileResult.Found found -> BlogViews.PublicBlog.of(blog, BlogViews.InfoAuthor.of(found.profile()));
			case ProfileResult.NotFound notFound -> throw ApiException.notFound("author not found");
			case ProfileResult.Unavailable unavailable -> throw BlogManagement.authUnavailable();
		};
	}

	private static ApiException notFound() {
		return ApiException.notFound("blog not found");
	}
}
