package it.ricolloca.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The API description served at /v3/api-docs: bearer tokens created in the application, and on every
 * {@code POST} the {@code Idempotency-Key} header the API honours (the same key acts once).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Ricolloca API", version = "v1",
        description = "API della rete dei Centri per l'Impiego per l'Assegno di Ricollocazione"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    GlobalOperationCustomizer idempotencyKeyOnEveryPost() {
        return (operation, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
                        .schema(new StringSchema().maxLength(255))
                        .description("Chiave di idempotenza: la stessa chiave, con la stessa richiesta, agisce una volta"));
            }
            return operation;
        };
    }
}
