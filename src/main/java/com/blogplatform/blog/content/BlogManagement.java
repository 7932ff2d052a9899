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

	private final ListPages lists;

	BlogManagement(Blogs blogs, AuthPort auth, ApplicationEventPublisher events, Clock clock, ListPages lists) {
		this.blogs = blogs;
		this.auth = auth;
		this.events = events;
		this.clock = clock;
		this.lists = lists;
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
		finally {
			lists.changed(author.id());
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

	/** A page of the author's own list, cached ({@link ListPages}): never older than their last answered write. */
	public List<BlogSummary> authorList(AuthenticatedUser author, Listing listing, Paging page) {
		UUID id = author.id();
		return lists.author(id, listing, page, () -> BlogSummary.listOf(switch (listing) {
			case DRAFTS -> blogs.findByAuthorAndDraftedTrueAndStatusTrue(id, page.pageable());
			case SUBMITTED -> blogs.findByAuthorAndSubmittedTrueAndStatusTrue(id, page.pageable());
			case PUBLISHED -> blogs.findByAuthorAndPublishedTrueAndStatusTrue(id, page.pageable());
		}));
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

	/** A page of an editors' list, cached like the authors' ({@link ListPages}). */
	public List<BlogSummary> editorList(Listing listing, Paging page) {
		if (listing == Listing.DRAFTS) {
			throw new IllegalArgumentException("editors have no drafts list");
		}
		return lists.editors(listing, page, () -> BlogSummary.listOf(listing == Listing.SUBMITTED
				? blogs.findBySubmittedTrueAndStatusTrue(page.pageable()) : blogs.findByPublishedTrueAndStatusTrue(page.pageable())));
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

	/**
	 * Every write but the first ({@link #create}) ends here. Both renew the lists of the blog's author
	 * whatever the outcome: a write that failed after reaching the store must not leave a stale page.
	 */
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
		finally {
			lists.changed(blog.author());
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
