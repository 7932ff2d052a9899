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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, credential checks, password changes and role administration of user accounts.
 */
@Service
public class AccountManagement {

	private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

	private final Users users;

	private final Roles roles;

	private final PasswordHashing passwords;

	private final BootstrapCredentials bootstrapCredentials;

	private final ApplicationEventPublisher events;

	/** Short read-only transactions, so a user and its role rows are read over one connection. */
	private final TransactionTemplate reading;

	/** Write transactions opened only once every hash of the operation is computed. */
	private final TransactionTemplate writing;

	/** Compared against when the e-mail is unknown, so both outcomes cost one hash verification. */
	private final String decoyHash;

	AccountManagement(Users users, Roles roles, PasswordHashing passwords, BootstrapCredentials bootstrapCredentials,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.users = users;
		this.roles = roles;
		this.passwords = passwords;
		this.bootstrapCredentials = bootstrapCredentials;
		this.events = events;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.decoyHash = passwords.encode(KeyGenerators.string().generateKey());
	}

	/** The outcome of {@link #register}. */
	public sealed interface Registration {

		record Registered(Account account) implements Registration {
		}

		record EmailTaken() implements Registration {
		}
	}

	/** The outcome of {@link #changePassword}. */
	public sealed interface PasswordChange {

		record Changed() implements PasswordChange {
		}

		record WrongPassword() implements PasswordChange {
		}

		record NoSuchUser() implements PasswordChange {
		}

		/** The account changed between reading and writing (another password change, a role grant). */
		record Conflict() implements PasswordChange {
		}
	}

	/**
	 * Creates a LEARNER account. The password is hashed before any connection is taken.
	 * @throws PasswordHashing.HashingBusyException when no hashing slot frees up in time
	 */
	public Registration register(String email, String password, String name, String profilePicUrl) {
		String hash = passwords.encode(password);
		try {
			return writing.execute(status -> {
				if (users.findByEmailIgnoringCase(email).isPresent()) {
					return new Registration.EmailTaken();
				}
				UUID learner = activeRolesByCode().get(Role.LEARNER.name()).id();
				User user = users.save(User.register(email, hash, name, profilePicUrl, learner));
				return new Registration.Registered(toAccount(user));
			});
		}
		catch (DuplicateKeyException raceLost) {
			return new Registration.EmailTaken();
		}
	}

	/**
	 * The active account with these credentials, if any. Does the same work whether or not the
	 * e-mail exists, and re-hashes a password stored with an outdated scheme. A hashing slot is taken
	 * before the user is read, so a flood is shed before it reaches the pool; the hash is verified
	 * between two short transactions, never while holding a connection.
	 * @throws PasswordHashing.HashingBusyException when no hashing slot frees up in time
	 */
	public Optional<Account> authenticate(String email, String password) {
		User user;
		String upgradedHash = null;
		try (PasswordHashing.Slot slot = passwords.acquire()) {
			Optional<User> found = reading.execute(status -> users.findByEmailIgnoringCase(email).filter(User::status));
			boolean matches = slot.matches(password, found.map(User::password).orElse(decoyHash));
			if (found.isEmpty() || !matches) {
				return Optional.empty();
			}
			user = found.get();
			if (passwords.upgradeEncoding(user.password())) {
				upgradedHash = slot.encode(password);
			}
		}
		User signedIn = upgradedHash == null ? user : upgradeHash(user, upgradedHash);
		return Optional.of(reading.execute(status -> toAccount(signedIn)));
	}

	private User upgradeHash(User user, String hash) {
		try {
			User upgraded = writing.execute(status -> users.save(user.withPassword(hash)));
			log.info("Upgraded the password hash of user {}", user.id());
			return upgraded;
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			// the account changed since it was read (a role grant, a password change): next time
			return user;
		}
	}

	/**
	 * Changes the password of an active user who proved the current one. Every other session of the
	 * user ends in the same transaction ({@link PasswordChanged}); the session {@code keptFamilyId}
	 * keeps working. A concurrent change of the account makes this one fail rather than overwrite it.
	 * @throws PasswordHashing.HashingBusyException when no hashing slot frees up in time
	 */
	public PasswordChange changePassword(UUID userId, String currentPassword, String newPassword, UUID keptFamilyId) {
		Optional<User> found;
		String hash;
		try (PasswordHashing.Slot slot = passwords.acquire()) {
			found = reading.execute(status -> users.findByIdAndStatusTrue(userId));
			if (found.isEmpty()) {
				return new PasswordChange.NoSuchUser();
			}
			if (!slot.matches(currentPassword, found.get().password())) {
				return new PasswordChange.WrongPassword();
			}
			hash = slot.encode(newPassword);
		}
		try {
			writing.executeWithoutResult(status -> {
				users.save(found.get().withPassword(hash));
				events.publishEvent(new PasswordChanged(userId, keptFamilyId));
			});
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			return new PasswordChange.Conflict();
		}
		log.info("Changed the password of user {}", userId);
		return new PasswordChange.Changed();
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
	 * applied, the password was changed since by other means and is kept. Hashes are computed
	 * between the reads and the write, outside any transaction.
	 * @throws DuplicateKeyException when another instance created the account concurrently: call again
	 */
	public void ensureAccount(String email, String password, String name, Set<Role> withRoles) {
		Optional<User> existing = reading.execute(status -> users.findByEmailIgnoringCase(email));
		Optional<String> applied = reading.execute(status -> bootstrapCredentials.findAppliedHash(email));
		if (existing.isEmpty()) {
			String hash = passwords.encode(password);
			writing.executeWithoutResult(status -> create(email, hash, name, withRoles));
			return;
		}
		User user = existing.get();
		if (passwords.matches(password, user.password())) {
			if (applied.isEmpty()) {
				writing.executeWithoutResult(status -> bootstrapCredentials.recordApplied(email, user.password()));
			}
			return;
		}
		if (applied.filter(hash -> passwords.matches(password, hash)).isPresent()) {
			log.info("Kept the password of the bootstrap account {}: it was changed after the configured one was applied", email);
			return;
		}
		String hash = passwords.encode(password);
		writing.executeWithoutResult(status -> {
			users.save(user.withPassword(hash));
			bootstrapCredentials.recordApplied(email, hash);
			events.publishEvent(new PasswordChanged(user.id(), null));
		});
		log.warn("Applied the configured password to the bootstrap account {}; its sessions were signed out", email);
	}

	private void create(String email, String hash, String name, Set<Role> withRoles) {
		Map<String, StoredRole> byCode = activeRolesByCode();
		Set<UUID> roleIds = withRoles.stream().map(role -> byCode.get(role.name()).id()).collect(Collectors.toSet());
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
