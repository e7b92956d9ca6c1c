package it.ricolloca.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API description served at /v3/api-docs: bearer tokens created in the application. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Ricolloca API", version = "v1",
        description = "API della rete dei Centri per l'Impiego per l'Assegno di Ricollocazione"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {
}
