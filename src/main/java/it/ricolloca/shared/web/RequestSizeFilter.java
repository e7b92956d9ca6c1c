package it.ricolloca.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the application reads, before anything reads it: an upload
 * (multipart) larger than {@code spring.servlet.multipart.max-request-size}, any other body (JSON for
 * the API, a form) larger than {@code ricolloca.limits.max-body}. A declared length over the limit is
 * answered 413 at once with an Italian page (JSON for the API); a body that declares no length is cut
 * where it passes the limit, and its reader fails as on a malformed body. Placed before every other
 * filter, so that neither the security chain nor the one-time token reads an oversized form.
 */
@Component
class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxUpload;
    private final long maxBody;
    private final Messages messages;

    RequestSizeFilter(@Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize maxUpload,
            @Value("${ricolloca.limits.max-body:1MB}") DataSize maxBody, Messages messages) {
        this.messages = messages;
        this.maxUpload = maxUpload.toBytes();
        this.maxBody = maxBody.toBytes();
    }

    @Bean
    static FilterRegistrationBean<RequestSizeFilter> requestSizeRegistration(RequestSizeFilter f) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean upload = type.startsWith("multipart/");
        long limit = upload ? maxUpload : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Answered here, not by an error page: the error dispatch would pass the security chain, whose CSRF
            // check reads the form's parameters, that is the whole oversized body. The body is never read; the
            // connection closes after the answer instead of draining it.
            response.setHeader("Connection", "close");
            PlainErrorPage.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    messages.t(upload ? "error.413.title" : "body.tooLarge.title"),
                    messages.t(upload ? "upload.tooLarge.text" : "body.tooLarge.text", Math.max(1, limit / (1024 * 1024))));
            return;
        }
        chain.doFilter(declared < 0 && !upload ? new Limited(request, limit) : request, response);
    }

    /** A body without a declared length, cut past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new IOException("corpo della richiesta oltre il limite");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
