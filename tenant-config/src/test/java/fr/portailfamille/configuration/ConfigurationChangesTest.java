package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.ConfigurationChanges.SectionChange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a save changed, section by section and item by item, as the configuration's journal keeps it. */
class ConfigurationChangesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aSaveThatChangesNothingIsNoChange() {
        assertEquals(List.of(), ConfigurationChanges.between(DefaultConfiguration.get(TODAY), DefaultConfiguration.get(TODAY)));
    }

    @Test
    void eachSectionChangedIsNamedInTheFilesOrderWithWhatItHeldBeforeAndAfter() {
        CommuneConfiguration before = DefaultConfiguration.get(TODAY);
        List<CommuneConfiguration.Closure> closures = new ArrayList<>(before.closures());
        closures.add(new CommuneConfiguration.Closure(LocalDate.of(2027, 3, 12), "Grève"));
        CommuneConfiguration after = before.withCalendar(before.periods(), closures).withTexts(before.zone(), "Nouvelles CGU");

        List<SectionChange> changes = ConfigurationChanges.between(before, after);
        assertEquals(List.of("cgu", "closures"), changes.stream().map(SectionChange::section).toList());
        SectionChange cgu = changes.get(0);
        assertFalse(cgu.isList());
        assertEquals("Nouvelles CGU", ((jakarta.json.JsonString) cgu.after()).getString());
        SectionChange closed = changes.get(1);
        assertTrue(closed.isList());
        assertEquals(List.of("2027-03-12"), closed.added());
        assertEquals(List.of(), closed.removed());
        assertEquals(List.of(), closed.changed());
    }

    @Test
    void itemsAreToldAddedRemovedOrChangedByWhatNamesThem() {
        JsonObject before = object("""
                {"format": "x", "version": 1, "activities": [{"code": "CANTINE", "name": "Cantine"}, {"code": "ALSH", "name": "Centre"}],
                 "billing": {"qfValidityMonths": 12, "residentPostcodes": ["38000"],
                   "tariffs": [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "maximumCents": 500},
                               {"activity": "ALSH", "unit": "JOUR", "validFrom": "2026-09-01", "maximumCents": 1500}]}}""");
        JsonObject after = object("""
                {"format": "x", "version": 2, "activities": [{"code": "CANTINE", "name": "Restauration"}, {"code": "PERI", "name": "Périscolaire"}],
                 "billing": {"qfValidityMonths": 12, "residentPostcodes": ["38000", "38100"],
                   "tariffs": [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "maximumCents": 520}]}}""");

        List<SectionChange> changes = ConfigurationChanges.between(before, after);
        assertEquals(List.of("activities", "billing.residentPostcodes", "billing.tariffs"),
                changes.stream().map(SectionChange::section).toList(), "the file's format and version are no change");
        SectionChange activities = changes.get(0);
        assertEquals(List.of("PERI"), activities.added());
        assertEquals(List.of("ALSH"), activities.removed());
        assertEquals(List.of("CANTINE"), activities.changed());
        assertEquals(List.of("38100"), changes.get(1).added());
        SectionChange tariffs = changes.get(2);
        assertEquals(List.of("ALSH / JOUR (2026-09-01)"), tariffs.removed());
        assertEquals(List.of("CANTINE / MIDI (2026-09-01)"), tariffs.changed());

        // kept and read back as the journal stores them
        assertEquals(changes, ConfigurationChanges.fromJson(ConfigurationChanges.toJson(changes)));
    }

    @Test
    void eachValueChangedIsToldWithItsPathItsValueBeforeAndAfter() {
        JsonObject before = object("""
                {"zone": "A", "activities": [{"code": "CANTINE", "name": "Cantine", "booking": {"deadline": "J-2@23:59"},
                   "units": [{"code": "MIDI", "capacity": 30}, {"code": "SOIR", "capacity": 10}]}],
                 "billing": {"tariffs": [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01",
                   "pricesCents": {"T1": 300, "T2": 350}, "effortRate": null}]}}""");
        JsonObject after = object("""
                {"zone": "B", "activities": [{"code": "CANTINE", "name": "Cantine", "booking": {"deadline": "J-3@12:00"},
                   "units": [{"code": "MIDI", "capacity": 25}, {"code": "GOUTER", "capacity": 12}]}],
                 "billing": {"tariffs": [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01",
                   "pricesCents": {"T1": 300, "T2": 360}, "effortRate": {"percent": 0.5}}]}}""");
        List<SectionChange> changes = ConfigurationChanges.between(before, after);

        List<ConfigurationChanges.Detail> zone = changes.get(0).details();
        assertEquals(1, zone.size());
        assertEquals(List.of(), zone.get(0).path(), "a section that is no list: its own value");
        assertEquals("\"A\" → \"B\"", zone.get(0).before() + " → " + zone.get(0).after());

        List<ConfigurationChanges.Detail> activities = changes.get(1).details();
        assertEquals(List.of("CANTINE.booking.deadline \"J-2@23:59\" → \"J-3@12:00\"",
                        "CANTINE.units.MIDI.capacity 30 → 25", "CANTINE.units.GOUTER (added) null → {…}",
                        "CANTINE.units.SOIR (removed) {…} → null"),
                activities.stream().map(ConfigurationChangesTest::line).toList());
        assertFalse(activities.get(1).cents());

        List<ConfigurationChanges.Detail> tariffs = changes.get(2).details();
        assertEquals(List.of("CANTINE / MIDI (2026-09-01).pricesCents.T2 350 → 360",
                        "CANTINE / MIDI (2026-09-01).effortRate.percent null → 0.5"),
                tariffs.stream().map(ConfigurationChangesTest::line).toList(), "a group of fields that was none: field by field");
        assertTrue(tariffs.get(0).cents(), "a price is in cents");
        assertFalse(tariffs.get(1).cents());
        assertTrue(tariffs.get(0).path().get(0).field() == false && tariffs.get(0).path().get(1).field());
    }

    @Test
    void nothingBeforeAndAnEmptyListAfterIsNoChangeAndTwoItemsOfOneNameAreBothKept() {
        assertEquals(List.of(), ConfigurationChanges.between(object("{\"zone\": \"A\"}"),
                object("{\"zone\": \"A\", \"billing\": {\"regies\": [], \"tariffs\": [], \"brackets\": {}}}")),
                "a first billing save with nothing in it");
        List<SectionChange> changes = ConfigurationChanges.between(
                object("{\"closures\": [{\"label\": \"Pont\"}, {\"label\": \"Pont\"}]}"),
                object("{\"closures\": [{\"label\": \"Pont\"}]}"));
        assertEquals(List.of("Pont (2)"), changes.get(0).removed(), "the second of the same name, by its rank");
    }

    private static String line(ConfigurationChanges.Detail d) {
        String path = String.join(".", d.path().stream().map(ConfigurationChanges.Step::name).toList());
        String kind = d.itemAdded() ? " (added)" : d.itemRemoved() ? " (removed)" : "";
        return path + kind + " " + shown(d.before()) + " → " + shown(d.after());
    }

    private static String shown(jakarta.json.JsonValue v) {
        return v instanceof JsonObject ? "{…}" : v.toString();
    }

    @Test
    void aBillingSectionAddedOrRemovedWholeIsToldPartByPart() {
        JsonObject without = object("{\"zone\": \"A\"}");
        JsonObject with = object("{\"zone\": \"A\", \"billing\": {\"qfValidityMonths\": 12, \"regies\": [{\"code\": \"R1\"}]}}");
        List<SectionChange> added = ConfigurationChanges.between(without, with);
        assertEquals(List.of("billing.qfValidityMonths", "billing.regies"), added.stream().map(SectionChange::section).toList());
        assertEquals(List.of("R1"), added.get(1).added());
        assertEquals(List.of("R1"), ConfigurationChanges.between(with, without).get(1).removed());
    }

    private static JsonObject object(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
