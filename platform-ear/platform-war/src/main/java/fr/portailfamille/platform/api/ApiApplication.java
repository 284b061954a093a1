package fr.portailfamille.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API of the platform, at {@code /api}. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
