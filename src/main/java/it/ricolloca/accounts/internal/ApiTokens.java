package it.ricolloca.accounts.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, revokes and checks API tokens; only their hashes are stored. */
@Service
@Transactional
public class ApiTokens {

    /** The token name is missing or too long. */
    public static class InvalidNameException extends DomainException {
        InvalidNameException() {
            super("token.name.invalid");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuditTrail audit;

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AuditTrail audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    /** Creates a token and returns its only clear-text copy. */
    public String create(long userId, String name, String createdBy) {
        String raw = "rcl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        createWithValue(userId, name, createdBy, raw);
        return raw;
    }

    /** Stores a token with a given value: the demo token, known in advance. */
    ApiToken createWithValue(long userId, String name, String createdBy, String raw) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidNameException();
        }
        UserAccount user = users.findById(userId).orElseThrow(NotFoundException::new);
        ApiToken token = tokens.save(new ApiToken(user, name, hash(raw), createdBy));
        audit.record("API_TOKEN_CREATED", "ApiToken", token.getId(), Detail.of("audit.detail.tokenFor", user.getUsername(), name.strip()).encoded());
        return token;
    }

    public void revoke(long userId, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUser().getId() == userId)
                .orElseThrow(NotFoundException::new);
        token.revoke();
        audit.record("API_TOKEN_REVOKED", "ApiToken", tokenId, Detail.of("audit.detail.tokenOf", token.getUser().getUsername()).encoded());
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    /** The principal a presented token stands for, if it is known, not revoked, and its user may sign in. */
    Optional<AccountPrincipal> authenticate(String raw) {
        Instant now = Instant.now();
        Optional<ApiToken> found = tokens.findByTokenHash(hash(raw)).filter(t -> !t.isRevoked())
                .filter(t -> t.getUser().isEnabled() && !t.getUser().isLocked(now));
        found.ifPresent(t -> tokens.touch(t.getId()));
        return found.map(t -> AccountPrincipal.of(t.getUser(), now));
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
