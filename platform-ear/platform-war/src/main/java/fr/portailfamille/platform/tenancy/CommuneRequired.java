package fr.portailfamille.platform.tenancy;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every business method of the annotated bean runs for a commune: {@link CommuneRequiredInterceptor} refuses
 * the call, before any transaction starts, when none is bound. A method that is platform-level on purpose
 * says so with {@link WithoutCommune}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CommuneRequired {
}
