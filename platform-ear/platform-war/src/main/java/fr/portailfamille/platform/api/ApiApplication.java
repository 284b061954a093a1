package fr.portailfamille.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API of the platform, at {@code /api}; its description is served by Payara's MicroProfile OpenAPI at
 * {@code /openapi}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Portail Famille", version = "1",
        description = "API de la commune dont l'adresse (Host) reçoit la requête. L'API des familles"
                + " (/api/famille/v1) sert la famille connectée : jeton d'accès (Bearer) du royaume Keycloak de la"
                + " commune, rôle parent. Erreurs : JSON {code, message, champs} en français, codes stables."))
@SecurityScheme(securitySchemeName = ApiApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Jeton d'accès du royaume Keycloak de la commune (flux code + PKCE ; une application"
                + " de famille utilise le client public portail-famille-app)")
public class ApiApplication extends Application {

    /** The name of the bearer security scheme in the OpenAPI document. */
    public static final String BEARER = "jeton-commune";
}
