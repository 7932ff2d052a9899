package com.blogplatform.blog.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface Blogs extends MongoRepository<Blog, ObjectId> {

	Optional<Blog> findByIdAndAuthorAndStatusTrue(ObjectId id, UUID author);

	Optional<Blog> findByIdAndStatusTrue(ObjectId id);

	Optional<Blog> findByIdAndPublishedTrueAndStatusTrue(ObjectId id);

	Optional<Blog> findBySlugAndPublishedTrueAndStatusTrue(String slug);

	/** Any blog, deleted or not: a slug stays reserved. */
	boolean existsBySlug(String slug);

	List<Blog> findByAuthorAndDraftedTrueAndStatusTrue(UUID author, Pageable page);

	List<Blog> findByAuthorAndSubmittedTrueAndStatusTrue(UUID author, Pageable page);

	List<Blog> findByAuthorAndPublishedTrueAndStatusTrue(UUID author, Pageable page);

	List<Blog> findBySubmittedTrueAndStatusTrue(Pageable page);

	List<Blog> findByPublishedTrueAndStatusTrue(Pageable page);

	List<Blog> findByTagsAndPublishedTrueAndStatusTrue(String tag, Pageable page);

	/** Candidates for "similar": published blogs sharing a tag or a title word with the source. */
	@Query("{ 'published': true, 'status': true, '_id': { '$ne': ?0 }, "
			+ "'$or': [ { 'tags': { '$in': ?1 } }, { 'title': { '$regex': ?2, '$options': 'i' } } ] }")
	List<Blog> findSimilarCandidates(ObjectId exclude, List<String> tags, String titleWordsRegex, Pageable page);
}
