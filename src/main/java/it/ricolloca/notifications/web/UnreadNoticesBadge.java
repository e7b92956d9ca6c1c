package it.ricolloca.notifications.web;

import it.ricolloca.notifications.NoticeRoutes;
import it.ricolloca.notifications.internal.Notices;
import it.ricolloca.shared.web.MenuBadge;
import org.springframework.stereotype.Component;

/** The count of the user's unread notices, on the menu's entry of the notices. */
@Component
class UnreadNoticesBadge implements MenuBadge {

    private final Notices notices;

    UnreadNoticesBadge(Notices notices) {
        this.notices = notices;
    }

    @Override
    public String href() {
        return NoticeRoutes.NOTICES;
    }

    @Override
    public int count(long userId) {
        return notices.unread(userId);
    }
}
