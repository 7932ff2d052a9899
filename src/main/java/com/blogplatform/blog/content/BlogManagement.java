package com.blogplatform.blog.content;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.blog.content.BlogFailure.AuthUnavailable;
import com.blogplatform.blog.content.BlogFailure.BlogNotFound;
import com.blogplatform.blog.content.BlogFailure.ConcurrentChange;
import com.blogplatform.blog.content.BlogFailure.InvalidSlug;
import com.blogplatform.blog.content.BlogFailure.SlugTaken;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The author and editor workflow. Authors only ever see and change their own blogs; editors see
 * every blog. Every change the public could see announces a {@link BlogChanged}. What it refuses
 * is a {@link BlogFailure}.
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

	public AuthoredBlog create(AuthenticatedUser author, Draft draft) {
		String slug = availableSlug(draft.slug());
		Blog blog = Blog.draft(author.id(), draft.title(), draft.description(), draft.draftText(), slug, draft.imgUrl(),
				draft.tags(), now());
		try {
			blog = blogs.insert(blog);
		}
		catch (DuplicateKeyException slugTakenConcurrently) {
			throw new SlugTaken(slug);
		}
		return new AuthoredBlog(blog, author.profile());
	}

	public AuthoredBlog update(AuthenticatedUser author, ObjectId id, Draft changes) {
		Blog blog = authorsBlog(author.id(), id);
		String previousSlug = blog.slug();
		String slug = null;
		if (changes.slug() != null) {
			slug = normalizedSlug(changes.slug());
			if (!slug.equals(previousSlug) && blogs.existsBySlug(slug)) {
				throw new SlugTaken(slug);
			}
		}
		blog.edit(changes.title(), changes.description(), changes.draftText(), slug, changes.imgUrl(), changes.tags(),
				author.id(), now());
		Blog saved = save(blog, slug);
		events.publishEvent(new BlogChanged(saved.id(), saved.slug(), previousSlug));
		return new AuthoredBlog(saved, author.profile());
	}

	/** The author's own blog, unless it is missing, deleted or someone else's. */
	public Optional<AuthoredBlog> own(AuthenticatedUser author, ObjectId id) {
		return blogs.findByIdAndAuthorAndStatusTrue(id, author.id()).map(blog -> new AuthoredBlog(blog, author.profile()));
	}

	public void delete(AuthenticatedUser author, ObjectId id) {
		apply(authorsBlog(author.id(), id), Blog::delete, author.id());
	}

	public void submit(AuthenticatedUser author, ObjectId id) {
		apply(authorsBlog(author.id(), id), Blog::submit, author.id());
	}

	public void withdraw(AuthenticatedUser author, ObjectId id) {
		apply(authorsBlog(author.id(), id), Blog::withdraw, author.id());
	}

	public List<BlogSummary> authorList(AuthenticatedUser author, Listing listing, Paging page) {
		return BlogSummary.listOf(switch (listing) {
			case DRAFTS -> blogs.findByAuthorAndDraftedTrueAndStatusTrue(author.id(), page.pageable());
			case SUBMITTED -> blogs.findByAuthorAndSubmittedTrueAndStatusTrue(author.id(), page.pageable());
			case PUBLISHED -> blogs.findByAuthorAndPublishedTrueAndStatusTrue(author.id(), page.pageable());
		});
	}

	/**
	 * Any blog in any state, with its draft, for editors; empty when the blog is missing or deleted,
	 * or auth does not know its author.
	 */
	public Optional<AuthoredBlog> review(ObjectId id) {
		return blogs.findByIdAndStatusTrue(id).flatMap(blog -> switch (auth.findProfile(blog.author())) {
			case ProfileResult.Found found -> Optional.of(new AuthoredBlog(blog, found.profile()));
			case ProfileResult.NotFound notFound -> Optional.empty();
			case ProfileResult.Unavailable unavailable -> throw new AuthUnavailable();
		});
	}

	public void publish(AuthenticatedUser editor, ObjectId id) {
		apply(anyBlog(id), Blog::publish, editor.id());
	}

	public void unpublish(AuthenticatedUser editor, ObjectId id) {
		apply(anyBlog(id), Blog::unpublish, editor.id());
	}

	public List<BlogSummary> editorList(Listing listing, Paging page) {
		return BlogSummary.listOf(switch (listing) {
			case SUBMITTED -> blogs.findBySubmittedTrueAndStatusTrue(page.pageable());
			case PUBLISHED -> blogs.findByPublishedTrueAndStatusTrue(page.pageable());
			case DRAFTS -> throw new IllegalArgumentException("editors have no drafts list");
		});
	}

	private Blog authorsBlog(UUID author, ObjectId id) {
		return blogs.findByIdAndAuthorAndStatusTrue(id, author).orElseThrow(() -> new BlogNotFound(id));
	}

	private Blog anyBlog(ObjectId id) {
		return blogs.findByIdAndStatusTrue(id).orElseThrow(() -> new BlogNotFound(id));
	}

	private void apply(Blog blog, Transition transition, UUID actor) {
		transition.apply(blog, actor, now());
		Blog saved = save(blog, null);
		events.publishEvent(new BlogChanged(saved.id(), saved.slug(), saved.slug()));
	}

	private Blog save(Blog blog, String newSlug) {
		try {
			return blogs.save(blog);
		}
		catch (OptimisticLockingFailureException concurrentChange) {
			throw new ConcurrentChange();
		}
		catch (DuplicateKeyException slugTakenConcurrently) {
			throw new SlugTaken(newSlug);
		}
	}

	private String availableSlug(String requested) {
		String slug = normalizedSlug(requested);
		if (blogs.existsBySlug(slug)) {
			throw new SlugTaken(slug);
		}
		return slug;
	}

	private static String normalizedSlug(String requested) {
		String slug = Slugs.normalize(requested);
		if (slug.codePointCount(0, slug.length()) < Slugs.MIN) {
			throw InvalidSlug.tooShort();
		}
		if (slug.codePointCount(0, slug.length()) > Slugs.MAX) {
			throw InvalidSlug.tooLong();
		}
		if (!Slugs.isSafe(slug)) {
			throw InvalidSlug.unsafe();
		}
		return slug;
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
