package it.ricolloca.accounts.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import it.ricolloca.accounts.internal.MachineClients;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine clients in the API description (ADR 0030): when an issuer is configured, a security scheme
 * {@code machineClient} (OpenID Connect discovery of that issuer, client-credentials tokens) and on every
 * operation, beside the personal token, the scope a machine client needs for it.
 */
@Configuration(proxyBeanMethods = false)
class MachineClientApiDocs {

    static final String SCHEME = "machineClient";

    @Bean
    OpenApiCustomizer machineClientScheme(@Value("${ricolloca.machine-clients.issuer-uri:}") String issuer) {
        return api -> {
            if (issuer.isBlank()) {
                return;
            }
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                    .openIdConnectUrl(base + "/.well-known/openid-configuration")
                    .description("Client applicativo registrato in Ricolloca: token JWT ottenuto dal fornitore "
                            + "regionale con il flusso client credentials. Ambiti: " + MachineClients.READ
                            + " (letture), " + MachineClients.IMPORT + " (caricamento di file), " + MachineClients.WRITE
                            + " (altre modifiche)."));
            if (api.getPaths() == null) {
                return;
            }
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    String scope = MachineClients.requiredScope(op.getKey().name(), path.getKey());
                    if (scope != null && op.getValue().getSecurity() != null && !op.getValue().getSecurity().isEmpty()) {
                        op.getValue().addSecurityItem(new SecurityRequirement().addList(SCHEME, List.of(scope)));
                    }
                }
            }
        };
    }
}
