package com.blogplatform.auth.user;

import com.blogplatform.auth.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, credential checks and role administration of user accounts.
 */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Users users;

	private final Roles roles;

	private final PasswordEncoder passwords;

	private final BootstrapCredentials bootstrapCredentials;

	private final ApplicationEventPublisher events;

	/** Compared against when the e-mail is unknown, so both outcomes cost one hash verification. */
	private final String decoyHash;

	AccountManagement(Users users, Roles roles, PasswordEncoder passwords,
			BootstrapCredentials bootstrapCredentials, ApplicationEventPublisher events) {
		this.users = users;
		this.roles = roles;
		this.passwords = passwords;
		this.bootstrapCredentials = bootstrapCredentials;
		this.events = events;
		this.decoyHash = passwords.encode(KeyGenerators.string().generateKey());
	}

	/** The outcome of {@link #register}. */
	public sealed interface Registration {

		record Registered(Account account) implements Registration {
		}

		record EmailTaken() implements Registration {
		}
	}

	@Transactional
	public Registration register(String email, String password, String name, String profilePicUrl) {
		if (users.findByEmailIgnoringCase(email).isPresent()) {
			return new Registration.EmailTaken();
		}
		UUID learner = activeRolesByCode().get(Role.LEARNER.name()).id();
		try {
			User user = users.save(User.register(email, passwords.encode(password), name, profilePicUrl, learner));
			return new Registration.Registered(toAccount(user));
		}
		catch (DuplicateKeyException raceLost) {
			return new Registration.EmailTaken();
		}
	}

	/**
	 * The active account with these credentials, if any. Does the same work whether or not the
	 * e-mail exists, and re-hashes a password stored with an outdated scheme.
	 */
	@Transactional
	public Optional<Account> authenticate(String email, String password) {
		Optional<User> found = users.findByEmailIgnoringCase(email).filter(User::status);
		if (found.isEmpty()) {
			passwords.matches(password, decoyHash);
			return Optional.empty();
		}
		User user = found.get();
		if (!passwords.matches(password, user.password())) {
			return Optional.empty();
		}
		if (passwords.upgradeEncoding(user.password())) {
			user = users.save(user.withPassword(passwords.encode(password)));
			log.info("Upgraded the password hash of user {}", user.id());
		}
		return Optional.of(toAccount(user));
	}

	/**
	 * Read-only transaction: loading a user also loads its role rows, and outside a transaction that
	 * second query would borrow a second pooled connection while the first is held, which deadlocks
	 * the pool under concurrent load.
	 */
	@Transactional(readOnly = true)
	public Optional<Account> findActive(UUID id) {
		return users.findByIdAndStatusTrue(id).map(this::toAccount);
	}

	/** Replaces the roles of an active user; {@code Optional.empty()} when there is no such user. */
	@Transactional
	public Optional<Account> assignRoles(UUID userId, Set<Role> newRoles) {
		Map<String, StoredRole> byCode = activeRolesByCode();
		Set<UUID> roleIds = newRoles.stream().map(role -> byCode.get(role.name()).id()).collect(Collectors.toSet());
		return users.findByIdAndStatusTrue(userId).map(user -> toAccount(users.save(user.withRoles(roleIds))));
	}

	/**
	 * Makes the bootstrap account exist with the configured password (start-up, every instance).
	 * Created with the given roles when missing. When it exists with another password: a configured
	 * password that differs from the one last applied is applied now (this is how an operator
	 * rotates it) and the account's sessions end; if the configured password is still the one last
	 * applied, the password was changed since by other means and is kept.
	 * @throws DuplicateKeyException when another instance created the account concurrently: call again
	 */
	@Transactional
	public void ensureAccount(String email, String password, String name, Set<Role> withRoles) {
		Optional<User> existing = users.findByEmailIgnoringCase(email);
		if (existing.isEmpty()) {
			create(email, password, name, withRoles);
			return;
		}
		User user = existing.get();
		if (passwords.matches(password, user.password())) {
			if (bootstrapCredentials.findAppliedHash(email).isEmpty()) {
				bootstrapCredentials.recordApplied(email, user.password());
			}
			return;
		}
		if (bootstrapCredentials.findAppliedHash(email).filter(applied -> passwords.matches(password, applied)).isPresent()) {
			log.info("Kept the password of the bootstrap account {}: it was changed after the configured one was applied", email);
			return;
		}
		String hash = passwords.encode(password);
		users.save(user.withPassword(hash));
		bootstrapCredentials.recordApplied(email, hash);
		events.publishEvent(new PasswordChanged(user.id()));
		log.warn("Applied the configured password to the bootstrap account {}; its sessions were signed out", email);
	}

	private void create(String email, String password, String name, Set<Role> withRoles) {
		Map<String, StoredRole> byCode = activeRolesByCode();
		Set<UUID> roleIds = withRoles.stream().map(role -> byCode.get(role.name()).id()).collect(Collectors.toSet());
		String hash = passwords.encode(password);
		// Another instance starting at the same moment may win the insert: DuplicateKeyException, and
		// the caller looks again (the transaction is spoilt by then, so not here).
		users.save(User.register(email, hash, name, null, byCode.get(Role.LEARNER.name()).id()).withRoles(roleIds));
		bootstrapCredentials.recordApplied(email, hash);
		log.info("Created the bootstrap account {}", email);
	}

	private Account toAccount(User user) {
		Map<UUID, StoredRole> active = roles.findByStatusTrue().stream()
			.collect(Collectors.toMap(StoredRole::id, Function.identity()));
		List<Account.AssignedRole> assigned = user.roleIds().stream()
			.map(active::get)
			.filter(role -> role != null)
			.sorted(Comparator.comparing(StoredRole::code))
			.map(role -> new Account.AssignedRole(role.id(), role.code()))
			.toList();
		return new Account(user.id(), user.email(), user.name(), user.profilePicUrl(), assigned);
	}

	private Map<String, StoredRole> activeRolesByCode() {
		return roles.findByStatusTrue().stream().collect(Collectors.toMap(StoredRole::code, Function.identity()));
	}
}
