package it.ricolloca.shared.db;

import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PlainErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (stopped, restarting, failing over), every request that
 * needs it answers 503 with an Italian page written here, without the database (the session, the
 * menu and the error page all live in it); API clients get JSON. The connection pool reconnects by
 * itself when the database returns: nothing needs a restart. Placed before every other filter.
 */
@Component
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final Messages messages;

    DatabaseUnavailableFilter(Messages messages) {
        this.messages = messages;
    }

    @Bean
    static FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableRegistration(DatabaseUnavailableFilter f) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database non raggiungibile: {} {} risponde 503", request.getMethod(), request.getRequestURI());
            response.setHeader("Retry-After", "30");
            PlainErrorPage.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    messages.t("error.503.title"), messages.t("error.503.text"));
        }
    }

    /** Whether the failure is the database being out of reach: a connection that cannot be had or was lost. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException s && (s.getSQLState() != null && (s.getSQLState().startsWith("08")
                    || s.getSQLState().startsWith("57P")) || "Connection is closed".equals(s.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
