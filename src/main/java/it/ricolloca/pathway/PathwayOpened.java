package it.ricolloca.pathway;

/**
 * A pathway was opened for the worker under the CPI of the provider office (at the first booking of its request):
 * it is open until a {@link PathwayClosed}, and under that CPI until a {@link PathwayMovedToProvider}.
 */
public record PathwayOpened(long pathwayId, long workerId, long centreId) {
}
