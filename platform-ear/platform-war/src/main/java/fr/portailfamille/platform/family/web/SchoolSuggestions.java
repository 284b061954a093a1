package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.registration.Establishment;
import fr.portailfamille.platform.registration.RegistrationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The commune's schools, suggested in the family file's "École" field (a {@code datalist}: what is typed stays free, a
 * child may go to school in another commune), so that most children's schools are written as the commune names them
 * and the agents' families list filters on them. Read once per request.
 */
@Named
@RequestScoped
public class SchoolSuggestions {

    @Inject
    RegistrationService registrations;

    private List<String> names;

    public List<String> getNames() {
        if (names == null) {
            names = registrations.schools().stream().map(Establishment::getName).distinct().toList();
        }
        return names;
    }
}
