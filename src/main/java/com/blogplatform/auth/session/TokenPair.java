package com.blogplatform.auth.session;

/** The tokens handed to a client: {@code {accessToken, refreshToken}}. */
public record TokenPair(String accessToken, String refreshToken) {
}
