package it.ricolloca.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether demo data is loaded: on by default with the embedded database, off with an external
 * one unless {@code ricolloca.demo=true}.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(Environment env) {
        Boolean explicit = env.getProperty("ricolloca.demo", Boolean.class);
        boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
        this.enabled = explicit != null ? explicit : embedded;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
