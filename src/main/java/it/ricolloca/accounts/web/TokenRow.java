package it.ricolloca.accounts.web;

import it.ricolloca.accounts.internal.ApiToken;
import it.ricolloca.shared.web.Dates;
import java.util.List;

/** One line of a token list: never the token itself, which is shown once at creation. */
public record TokenRow(long id, String name, String createdBy, String createdAt, String lastUsedAt, boolean revoked) {

    static List<TokenRow> of(List<ApiToken> tokens) {
        return tokens.stream().map(t -> new TokenRow(t.getId(), t.getName(), t.getCreatedBy(),
                Dates.format(t.getCreatedAt()), Dates.format(t.getLastUsedAt()), t.isRevoked())).toList();
    }
}
