package it.ricolloca.audit.web;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.audit.AuditedRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records in the audit trail every successful read of a page or download marked {@link AuditedRead}, once
 * the answer is complete: who read which record, when. A refused or failed read (4xx, 5xx, a redirect) is
 * not a read.
 */
@Configuration(proxyBeanMethods = false)
class ReadAudit implements WebMvcConfigurer, HandlerInterceptor {

    private final AuditTrail audit;

    ReadAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || response.getStatus() >= 300 || !(handler instanceof HandlerMethod method)) {
            return;
        }
        AuditedRead read = method.getMethodAnnotation(AuditedRead.class);
        if (read == null) {
            return;
        }
        Object id = "";
        if (!read.idVariable().isEmpty() && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables && variables.get(read.idVariable()) != null) {
            String value = variables.get(read.idVariable()).toString();
            id = value.length() > 60 ? value.substring(0, 60) : value;
        }
        audit.record(read.value(), read.record(), id, "");
    }
}
