package it.ricolloca.support;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs MockMvc requests in as one of the demo users, loaded as the login would load them. */
public final class DemoUsers {

    public static final String PASSWORD = "demo-ricolloca";

    private DemoUsers() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        UserDetails details = users.loadUserByUsername(username);
        return user(details);
    }
}
