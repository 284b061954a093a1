package fr.portailfamille.it.support;

import java.lang.reflect.Method;
import java.util.Comparator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of the test classes in a run (junit-platform.properties): first by {@link Order} (a class
 * stopping parts of the shared stack says it runs last), then the classes deploying the same archive in a
 * row, so that they share one Payara Micro ({@link SharedPayaraMicro}) — first those run inside the
 * container, then those run as a client, then those deploying nothing — then by name.
 */
public class DeploymentOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor d) -> d.findAnnotation(Order.class)
                        .map(Order::value).orElse(Order.DEFAULT))
                .thenComparingInt(d -> group(d.getTestClass()))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    /** 0: deploys an archive run inside the container; 1: deploys one used as a client; 2: deploys nothing. */
    public static int group(Class<?> test) {
        for (Method m : test.getDeclaredMethods()) {
            Deployment d = m.getAnnotation(Deployment.class);
            if (d != null) {
                return d.testable() ? 0 : 1;
            }
        }
        return 2;
    }
}
