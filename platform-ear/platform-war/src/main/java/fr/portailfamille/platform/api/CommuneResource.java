package fr.portailfamille.platform.api;

import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who the commune is (public) and who is calling ({@code /api/moi}: protected in web.xml). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CommuneResource {

    @GET
    @Path("commune")
    public Map<String, Object> commune() {
        Commune c = TenantContext.require();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", c.slug());
        body.put("nom", c.name());
        body.put("siteWeb", c.websiteUrl());
        body.put("couleurPrincipale", c.branding().primaryColor());
        body.put("couleurAccent", c.branding().accentColor());
        return body;
    }

    @GET
    @Path("moi")
    public Map<String, Object> me(@Context SecurityContext security) {
        Commune c = TenantContext.require();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commune", c.slug());
        body.put("utilisateur", security.getUserPrincipal().getName());
        body.put("agent", security.isUserInRole("agent"));
        return body;
    }
}
