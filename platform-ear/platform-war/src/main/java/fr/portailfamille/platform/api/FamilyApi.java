package fr.portailfamille.platform.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource of the families' API ({@code /api/famille/v1}): {@link FamilyCallerFilter} lets through only a
 * parent signed in to the request's commune, and the resource reads who it is with {@link FamilyCallerFilter#caller}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FamilyApi {
}
