package fr.portailfamille.platform.family.requests;

import java.time.OffsetDateTime;

/**
 * What Mes demandes filters on; a {@code null} field does not filter.
 *
 * @param kind  one kind of request
 * @param state one state
 * @param since requests made from then on
 */
public record RequestFilter(RequestKind kind, RequestState state, OffsetDateTime since) {

    public static final RequestFilter ALL = new RequestFilter(null, null, null);
}
