package it.ricolloca.accounts;

/** A CPI's staff member as other modules see them: who they are and how to reach them. */
public record StaffMember(long id, String username, String fullName, String email, Long centreId) {
}
