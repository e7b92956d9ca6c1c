package it.ricolloca.shared.web;

import java.util.Locale;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notice a page shows once after a redirect: the bundle key under {@link #KEY} and, optionally, its kind
 * under {@link #KIND}. Without a kind it is a success (what was asked was done), shown in green; a refusal told
 * by flash says {@link Kind#ERROR}, a notice that nothing changed {@link Kind#INFO}.
 */
public final class Flash {

    /** The flash attribute holding the bundle key (as {@code redirect.addFlashAttribute("flash", key)}). */
    public static final String KEY = "flash";
    /** The flash attribute holding the {@link Kind}, when the notice is not a success. */
    public static final String KIND = "flashKind";

    /** How the notice is shown: Bootstrap Italia's alert and icon. */
    public enum Kind {
        SUCCESS("alert-success", "it-check-circle"),
        INFO("alert-info", "it-info-circle"),
        WARNING("alert-warning", "it-warning-circle"),
        ERROR("alert-danger", "it-error");

        private final String alertClass;
        private final String icon;

        Kind(String alertClass, String icon) {
            this.alertClass = alertClass;
            this.icon = icon;
        }

        public String alertClass() {
            return alertClass;
        }

        public String icon() {
            return icon;
        }

        /** The kind a flash attribute names (a {@code Kind} or its name); a success when absent or unknown. */
        public static Kind of(Object value) {
            if (value instanceof Kind k) {
                return k;
            }
            if (value instanceof String s) {
                try {
                    return valueOf(s.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return SUCCESS;
                }
            }
            return SUCCESS;
        }
    }

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute(KEY, key);
    }

    public static void info(RedirectAttributes redirect, String key) {
        show(redirect, key, Kind.INFO);
    }

    public static void warning(RedirectAttributes redirect, String key) {
        show(redirect, key, Kind.WARNING);
    }

    public static void error(RedirectAttributes redirect, String key) {
        show(redirect, key, Kind.ERROR);
    }

    private static void show(RedirectAttributes redirect, String key, Kind kind) {
        redirect.addFlashAttribute(KEY, key);
        redirect.addFlashAttribute(KIND, kind.name());
    }
}
