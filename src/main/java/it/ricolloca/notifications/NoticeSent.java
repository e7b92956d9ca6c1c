package it.ricolloca.notifications;

/** A notice the regional agency sent: its recipients are mailed after commit. */
public record NoticeSent(long noticeId) {
}
