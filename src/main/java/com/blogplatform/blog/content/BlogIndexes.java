package com.blogplatform.blog.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the collection's indexes before the application takes requests (the reference creates
 * them asynchronously and ignores failures). A failure stops the start-up with a clear message:
 * without the unique slug index, slugs could be duplicated.
 */
@Component
class BlogIndexes implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BlogIndexes.class);

	private final MongoTemplate mongo;

	BlogIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		IndexOperations indexes = mongo.indexOps(Blog.class);
		try {
			indexes.createIndex(new Index("slug", Sort.Direction.ASC).unique().named("slug_unique"));
			indexes.createIndex(new Index().on("author", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
				.on("updatedAt", Sort.Direction.DESC).named("author_status_updated"));
			indexes.createIndex(new Index().on("published", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
				.on("updatedAt", Sort.Direction.DESC).named("published_status_updated"));
			indexes.createIndex(new Index().on("tags", Sort.Direction.ASC).on("published", Sort.Direction.ASC)
				.on("status", Sort.Direction.ASC).named("tags_published_status"));
			indexes.createIndex(new Index().on("submitted", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
				.named("submitted_status"));
			indexes.createIndex(new Index("publishedAt", Sort.Direction.DESC).named("published_at"));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot create the blogs collection's indexes: " + ex.getMessage(), ex);
		}
		log.info("Blog indexes are in place");
	}
}
