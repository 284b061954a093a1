package fr.portailfamille.it;

import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Inside the container: a new family of a commune, its file complete ({@link FamilyFileIT#complete}) and validated by an
 * agent, with one child — what most in-container tests start from ({@code @Inject ValidatedFamilies families}).
 */
@Dependent
public class ValidatedFamilies {

    /** The family's signed-in parent, the file's id, its child's id and first name. */
    public record Parent(SignedInUser user, long familyId, long childId, String firstName) {
    }

    @Inject
    FamilyFileService files;

    @Inject
    FamilyDesk familyDesk;

    @Inject
    CommuneDirectory directory;

    /** A validated family of commune {@code slug}, its parent's address {@code <prefix>-<random>@<slug>.test}. */
    public Parent create(String slug, String prefix) throws Exception {
        SignedInUser user = FamilyFileIT.parent(slug, prefix + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@" + slug + ".test", true);
        in(slug, () -> files.submit(user, FamilyFileIT.complete(files.formOf(user), user.email())));
        long familyId = in(slug, () -> files.fileOf(user)).getId();
        SignedInUser agent = new SignedInUser(slug, UUID.randomUUID().toString(), "Agent", "agent@" + slug + ".test", true,
                List.of("agent"), null);
        in(slug, () -> {
            familyDesk.validate(agent, familyId);
            return null;
        });
        var child = in(slug, () -> files.formOf(user)).getChildren().get(0);
        return new Parent(user, familyId, child.getId(), child.getFirstName());
    }

    private <T> T in(String slug, Callable<T> work) throws Exception {
        return TenantContext.call(directory.bySlug(slug).orElseThrow(), work);
    }
}
