package com.blogplatform.blog.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.blogplatform.blog.content.Blog.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The workflow of {@link Blog} as a state machine, without a store: draft → submitted → published,
 * withdraw, unpublish, soft delete, and every transition it refuses with the message the API shows.
 */
class BlogStateMachineTests {

	static final UUID AUTHOR = UUID.randomUUID();

	static final UUID EDITOR = UUID.randomUUID();

	static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");

	static final Instant LATER = CREATED.plusSeconds(60);

	static final ObjectId ID = new ObjectId();

	static final Consumer<Blog> SUBMIT = blog -> blog.submit(AUTHOR, LATER);

	static final Consumer<Blog> WITHDRAW = blog -> blog.withdraw(AUTHOR, LATER);

	static final Consumer<Blog> PUBLISH = blog -> blog.publish(EDITOR, LATER);

	static final Consumer<Blog> UNPUBLISH = blog -> blog.unpublish(EDITOR, LATER);

	static final Consumer<Blog> DELETE = blog -> blog.delete(AUTHOR, LATER);

	/** The reference's stored flags, which only the transitions change. */
	record Flags(boolean drafted, boolean submitted, boolean published) {

		static Flags of(Blog blog) {
			return new Flags(blog.drafted(), blog.submitted(), blog.published());
		}
	}

	/** A new draft with an id, as it is once stored. */
	static Blog draft() {
		List<String> tags = new ArrayList<>(List.of("JAVA", "SPRING"));
		Blog blog = Blog.draft(AUTHOR, "Title", "Description", "Draft text", "the-slug", "https://img.example.com/a.png", tags,
				CREATED);
		ReflectionTestUtils.setField(blog, "id", ID); // what MongoDB does on insert
		tags.add("CHANGED-AFTERWARDS");
		return blog;
	}

	static Blog inState(State state) {
		Blog blog = draft();
		switch (state) {
			case DRAFT -> {
			}
			case SUBMITTED -> blog.submit(AUTHOR, CREATED);
			case PUBLISHED -> {
				blog.submit(AUTHOR, CREATED);
				blog.publish(EDITOR, CREATED);
			}
			case DELETED -> blog.delete(AUTHOR, CREATED);
		}
		assertThat(blog.state()).isEqualTo(state);
		return blog;
	}

	@Test
	void aNewDraftIsOnlyDrafted() {
		Blog blog = draft();

		assertThat(blog.state()).isEqualTo(State.DRAFT);
		assertThat(Flags.of(blog)).isEqualTo(new Flags(true, false, false));
		assertThat(blog.text()).isNull();
		assertThat(blog.draftText()).isEqualTo("Draft text");
		assertThat(blog.publishedAt()).isNull();
		assertThat(blog.score()).isEqualTo(Blog.DEFAULT_SCORE).isEqualTo(0.01);
		assertThat(blog.author()).isEqualTo(AUTHOR);
		assertThat(blog.tags()).as("a copy of the tags given").containsExactly("JAVA", "SPRING");
		assertThat(blog.createdAt()).isEqualTo(CREATED);
		assertThat(blog.updatedAt()).isEqualTo(CREATED);
		assertThat(blog.hex()).isEqualTo(ID.toHexString());
	}

	static Stream<Arguments> legalTransitions() {
		return Stream.of(
				Arguments.of("submit", State.DRAFT, SUBMIT, State.SUBMITTED, new Flags(true, true, false)),
				Arguments.of("withdraw", State.SUBMITTED, WITHDRAW, State.DRAFT, new Flags(true, false, false)),
				Arguments.of("publish", State.SUBMITTED, PUBLISH, State.PUBLISHED, new Flags(false, false, true)),
				Arguments.of("unpublish", State.PUBLISHED, UNPUBLISH, State.DRAFT, new Flags(true, false, false)),
				Arguments.of("delete", State.DRAFT, DELETE, State.DELETED, new Flags(true, false, false)),
				Arguments.of("delete", State.SUBMITTED, DELETE, State.DELETED, new Flags(true, false, false)),
				Arguments.of("delete", State.PUBLISHED, DELETE, State.DELETED, new Flags(false, false, false)),
				Arguments.of("delete", State.DELETED, DELETE, State.DELETED, new Flags(true, false, false)));
	}

	@ParameterizedTest(name = "{0} from {1} to {3}")
	@MethodSource("legalTransitions")
	void movesOnAndStampsTheChange(String name, State from, Consumer<Blog> transition, State to, Flags flags) {
		Blog blog = inState(from);

		transition.accept(blog);

		assertThat(blog.state()).isEqualTo(to);
		assertThat(Flags.of(blog)).isEqualTo(flags);
		assertThat(blog.updatedAt()).isEqualTo(LATER);
		assertThat(blog.slug()).as("the slug stays reserved, even when deleted").isEqualTo("the-slug");
	}

	@Test
	void publishingMakesTheDraftTextPublicAndStampsTheFirstPublication() {
		Blog blog = inState(State.SUBMITTED);

		PUBLISH.accept(blog);

		assertThat(blog.text()).isEqualTo("Draft text");
		assertThat(blog.publishedAt()).isEqualTo(LATER);
	}

	@Test
	void unpublishingAndRepublishingKeepTheFirstPublicationDate() {
		Blog blog = inState(State.PUBLISHED);

		UNPUBLISH.accept(blog);
		assertThat(blog.publishedAt()).isEqualTo(CREATED);
		SUBMIT.accept(blog);
		blog.publish(EDITOR, LATER.plusSeconds(60));

		assertThat(blog.publishedAt()).isEqualTo(CREATED);
	}


	static Stream<Arguments> illegalTransitions() {
		return Stream.of(
				Arguments.of("submit", State.SUBMITTED, SUBMIT, "is already submitted"),
				Arguments.of("submit", State.PUBLISHED, SUBMIT, "is already published"),
				Arguments.of("submit", State.DELETED, SUBMIT, "is deleted"),
				Arguments.of("withdraw", State.DRAFT, WITHDRAW, "is not submitted"),
				Arguments.of("withdraw", State.PUBLISHED, WITHDRAW, "is not submitted"),
				Arguments.of("withdraw", State.DELETED, WITHDRAW, "is not submitted"),
				Arguments.of("publish", State.DRAFT, PUBLISH, "is not submitted"),
				Arguments.of("publish", State.PUBLISHED, PUBLISH, "is already published"),
				Arguments.of("publish", State.DELETED, PUBLISH, "is not submitted"),
				Arguments.of("unpublish", State.DRAFT, UNPUBLISH, "is not published"),
				Arguments.of("unpublish", State.SUBMITTED, UNPUBLISH, "is not published"),
				Arguments.of("unpublish", State.DELETED, UNPUBLISH, "is not published"));
	}

	@ParameterizedTest(name = "{0} from {1}: {3}")
	@MethodSource("illegalTransitions")
	void refusesAnIllegalTransitionAndChangesNothing(String name, State from, Consumer<Blog> transition, String reason) {
		Blog blog = inState(from);
		Flags before = Flags.of(blog);

		assertThatExceptionOfType(Blog.IllegalTransition.class).isThrownBy(() -> transition.accept(blog))
			.withMessage("blog for _id " + ID.toHexString() + " " + reason);

		assertThat(blog.state()).isEqualTo(from);
		assertThat(Flags.of(blog)).isEqualTo(before);
		assertThat(blog.updatedAt()).isEqualTo(CREATED);
	}
}
