package fr.portailfamille.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks as health data, in one commune's schema, the document types whose name speaks of health
 * ({@link DocumentTypeRules#isHealth}: "Carnet de vaccination", "Attestation MDPH"), ticked or not, and every document
 * sent under a type that is health data (a family's, a registration's): agent-sante's only from then on. Run when the
 * types are saved, by tenant V47 for the types and documents saved before that rule, and after an archive's import;
 * {@link #attachments} does the same for the files sent with messages (tenant V50).
 */
public final class HealthFlags {

    private HealthFlags() {
    }

    /**
     * Applies the rule in the schema {@code qualifier} names ("commune_x." or "" for the connection's search path);
     * how many documents it made health data.
     */
    public static int apply(Connection c, String qualifier) throws SQLException {
        return apply(c, qualifier, true);
    }

    /**
     * {@link #apply(Connection, String)}, the registrations' documents left out when {@code registrations} is false
     * (tenant V47 runs before V49 gave them their flag).
     */
    public static int apply(Connection c, String qualifier, boolean registrations) throws SQLException {
        List<String> named = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select code, label from " + qualifier + "document_type where not health");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (DocumentTypeRules.isHealth(List.of(), rs.getString(2))) {
                    named.add(rs.getString(1));
                }
            }
        }
        if (!named.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update " + qualifier + "document_type set health = true"
                    + " where code = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", named.toArray()));
                ps.executeUpdate();
            }
        }
        // each document keeps the flag it was sent with (the agents' search and downloads read it): a type that is
        // health data protects the documents already sent; unticked later, they stay protected
        // a registration's documents likewise, by their type's name (tenant V49)
        if (registrations) {
            try (PreparedStatement ps = c.prepareStatement("update " + qualifier + "registration_document d set health = true"
                    + " from " + qualifier + "document_type t where t.label = d.label and t.health and d.health is not true")) {
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update " + qualifier + "family_document d set health = true from "
                + qualifier + "document_type t where t.code = d.type_code and t.health and not d.health")) {
            return ps.executeUpdate();
        }
    }

    /**
     * Marks as health data, in the schema {@code qualifier} names, the files sent with messages whose name speaks of
     * health ({@link DocumentTypeRules#isHealth}: "ordonnance.pdf", "certificat médical.jpg"): agent-sante's only, as a
     * document of Mes documents under such a name is. Run by tenant V50 for the files sent before, and after an
     * archive's import; how many it marked.
     */
    public static int attachments(Connection c, String qualifier) throws SQLException {
        List<Long> named = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, file_name from " + qualifier + "message_attachment"
                + " where health is not true");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (DocumentTypeRules.isHealth(List.of(), rs.getString(2))) {
                    named.add(rs.getLong(1));
                }
            }
        }
        if (named.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("update " + qualifier + "message_attachment set health = true"
                + " where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", named.toArray()));
            return ps.executeUpdate();
        }
    }
}
