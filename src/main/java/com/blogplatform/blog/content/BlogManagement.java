package com.blogplatform.blog.content;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.shared.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The author and editor workflow. Authors only ever see and change their own blogs; editors see
 * every blog. Every change the public could see announces a {@link BlogChanged}.
 */
@Service
public class BlogManagement {

	private final Blogs blogs;

	private final AuthPort auth;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BlogManagement(Blogs blogs, AuthPort auth, ApplicationEventPublisher events, Clock clock) {
		this.blogs = blogs;
		this.auth = auth;
		this.events = events;
		this.clock = clock;
	}

	/** What an author writes: {@code null} fields of an update are left as they are. */
	public record Draft(String title, String description, String draftText, String slug, String imgUrl, List<String> tags) {
	}

	/** Which of an author's or editor's lists. */
	public enum Listing {
		DRAFTS, SUBMITTED, PUBLISHED
	}

	public BlogViews.PrivateBlog create(AuthenticatedUser author, Draft draft) {
		String slug = availableSlug(draft.slug());
		Blog blog = Blog.draft(author.id(), draft.title(), draft.description(), draft.draftText(), slug, draft.imgUrl(),
				draft.tags(), now());
		try {
			blog = blogs.insert(blog);
		}
		catch (DuplicateKeyException slugTakenConcurrently) {
			throw slugTaken(slug);
		}
		return BlogViews.PrivateBlog.of(blog, authorOf(author));
	}

	public BlogViews.PrivateBlog update(AuthenticatedUser author, ObjectId id, Draft changes) {
		Blog blog = blogs.findByIdAndAuthorAndStatusTrue(id, author.id())
			.orElseThrow(() -> ApiException.notFound("Blog with id: " + id.toHexString() + " does not exists"));
		String previousSlug = blog.slug();
		String slug = null;
		if (changes.slug() != null) {
			slug = normalizedSlug(changes.slug());
			if (!slug.equals(previousSlug) && blogs.existsBySlug(slug)) {
				throw slugTaken(slug);
			}
		}
		blog.edit(changes.title(), changes.description(), changes.draftText(), slug, changes.imgUrl(), changes.tags(),
				author.id(), now());
		Blog saved = save(blog, slug);
		events.publishEvent(new BlogChanged(saved.id(), saved.slug(), previousSlug));
		return BlogViews.PrivateBlog.of(saved, authorOf(author));
	}

	public BlogViews.PrivateBlog own(AuthenticatedUser author, ObjectId id, String idAsTyped) {
		return blogs.findByIdAndAuthorAndStatusTrue(id, author.id())
			.map(blog -> BlogViews.PrivateBlog.of(blog, authorOf(author)))
			.orElseThrow(() -> ApiException.notFound(idAsTyped + " not found"));
	}

	public void delete(AuthenticatedUser author, ObjectId id) {
		changeOwn(author, id, Blog::delete);
	}

	public void submit(AuthenticatedUser author, ObjectId id) {
		changeOwn(author, id, Blog::submit);
	}

	public void withdraw(AuthenticatedUser author, ObjectId id) {
		changeOwn(author, id, Blog::withdraw);
	}

	public List<BlogViews.ItemBlog> authorList(AuthenticatedUser author, Listing listing, Paging page) {
		List<Blog> found = switch (listing) {
			case DRAFTS -> blogs.findByAuthorAndDraftedTrueAndStatusTrue(author.id(), page.pageable());
			case SUBMITTED -> blogs.findByAuthorAndSubmittedTrueAndStatusTrue(author.id(), page.pageable());
			case PUBLISHED -> blogs.findByAuthorAndPublishedTrueAndStatusTrue(author.id(), page.pageable());
		};
		return found.stream().map(BlogViews.ItemBlog::of).toList();
	}

	/** Any blog in any state, with its draft, for editors. */
	public BlogViews.PrivateBlog review(ObjectId id) {
		Blog blog = blogs.findByIdAndStatusTrue(id).orElseThrow(() -> ApiException.notFound(id.toHexString() + " not found"));
		return switch (auth.findProfile(blog.author())) {
			case ProfileResult.Found found -> BlogViews.PrivateBlog.of(blog, BlogViews.InfoAuthor.of(found.profile()));
			case ProfileResult.NotFound notFound -> throw ApiException.notFound(id.toHexString() + " not found");
			case ProfileResult.Unavailable unavailable -> throw authUnavailable();
		};
	}

	public void publish(AuthenticatedUser editor, ObjectId id) {
		changeAsEditor(editor, id, Blog::publish);
	}

	public void unpublish(AuthenticatedUser editor, ObjectId id) {
		changeAsEditor(editor, id, Blog::unpublish);
	}

	public List<BlogViews.ItemBlog> editorList(Listing listing, Paging page) {
		List<Blog> found = switch (listing) {
			case SUBMITTED -> blogs.findBySubmittedTrueAndStatusTrue(page.pageable());
			case PUBLISHED -> blogs.findByPublishedTrueAndStatusTrue(page.pageable());
			case DRAFTS -> throw new IllegalArgumentException("editors have no drafts list");
		};
		return found.stream().map(BlogViews.ItemBlog::of).toList();
	}

	static ApiException authUnavailable() {
		return ApiException.unavailable("authentication service unavailable, try again later");
	}

	private void changeOwn(AuthenticatedUser author, ObjectId id, Transition transition) {
		Blog blog = blogs.findByIdAndAuthorAndStatusTrue(id, author.id())
			.orElseThrow(() -> ApiException.notFound("blog not found"));
		apply(blog, transition, author.id());
	}

	private void changeAsEditor(AuthenticatedUser editor, ObjectId id, Transition transition) {
		Blog blog = blogs.findByIdAndStatusTrue(id)
			.orElseThrow(() -> ApiException.notFound("blog for _id " + id.toHexString() + " not found"));
		apply(blog, transition, editor.id());
	}

	private void apply(Blog blog, Transition transition, UUID actor) {
		try {
			transition.apply(blog, actor, now());
		}
		catch (Blog.IllegalTransition illegal) {
			throw ApiException.badRequest(illegal.getMessage());
		}
		Blog saved = save(blog, null);
		events.publishEvent(new BlogChanged(saved.id(), saved.slug(), saved.slug()));
	}

	private Blog save(Blog blog, String newSlug) {
		try {
			return blogs.save(blog);
		}
		catch (OptimisticLockingFailureException concurrentChange) {
			throw new ApiException(HttpStatus.CONFLICT, "blog was changed concurrently, reload it and try again");
		}
		catch (DuplicateKeyException slugTakenConcurrently) {
			throw slugTaken(newSlug);
		}
	}

	private String availableSlug(String requested) {
		String slug = normalizedSlug(requested);
		if (blogs.existsBySlug(slug)) {
			throw slugTaken(slug);
		}
		return slug;
	}

	private static String normalizedSlug(String requested) {
		String slug = Slugs.normalize(requested);
		if (slug.codePointCount(0, slug.length()) < Slugs.MIN) {
			throw ApiException.badRequest("slug must be at least " + Slugs.MIN + " characters");
		}
		if (slug.codePointCount(0, slug.length()) > Slugs.MAX) {
			throw ApiException.badRequest("slug must be at most " + Slugs.MAX + " characters");
		}
		return slug;
	}

	private static ApiException slugTaken(String slug) {
		return ApiException.badRequest("Blog with slug: " + slug + " already exists");
	}

	private static BlogViews.InfoAuthor authorOf(AuthenticatedUser user) {
		return BlogViews.InfoAuthor.of(user.profile());
	}

	/** MongoDB keeps milliseconds: a fresh blog shows the same timestamps as one read back. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	@FunctionalInterface
	private interface Transition {

		void apply(Blog blog, UUID actor, Instant now);
	}
}
