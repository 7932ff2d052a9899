package com.blogplatform.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiTest;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What every request waiting on MongoDB's connection pool gets after one operation timed out (the
 * driver pauses the pool) is a resource failure, answered 503 like the timeout itself, not an
 * uncategorised failure answered 500; the rest of Spring Data's translation is unchanged.
 */
@ApiTest
class StoreFailureTranslationTests {

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPausedConnectionPoolIsAResourceFailure() {
		var timeout = new MongoSocketReadTimeoutException("Timeout while receiving message", new ServerAddress(), null);
		var paused = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()), timeout);

		var translated = mongo.getMongoDatabaseFactory().getExceptionTranslator().translateExceptionIfPossible(paused);

		assertThat(translated).isInstanceOf(DataAccessResourceFailureException.class).hasCause(paused);
		assertThat(mongo.getExceptionTranslator().translateExceptionIfPossible(timeout))
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(mongo.getExceptionTranslator().translateExceptionIfPossible(paused))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	void theOtherTranslationsStay() {
		var duplicate = new MongoWriteException(
				new WriteError(11000, "E11000 duplicate key error", new BsonDocument()), new ServerAddress(), Set.of());

		assertThat(mongo.getExceptionTranslator().translateExceptionIfPossible(duplicate)).isInstanceOf(DuplicateKeyException.class);
	}
}
