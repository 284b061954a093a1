package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LineBreaksConverterTest {

    @Test
    void aLineBreakIsOneCharacterAsTheBrowserCountedIt() {
        String sent = "Bonjour,\r\nLéo arrive.\r\n\r\nMerci";
        String read = new LineBreaksConverter().getAsObject(null, null, sent);
        assertEquals("Bonjour,\nLéo arrive.\n\nMerci", read);
        assertEquals(sent.length() - 3, read.length());
        assertEquals("a\nb\nc", LineBreaksConverter.lines("a\rb\nc"));
        assertNull(LineBreaksConverter.lines(null));
        assertEquals("", new LineBreaksConverter().getAsString(null, null, null));
        assertEquals("a\nb", new LineBreaksConverter().getAsString(null, null, "a\nb"));
    }
}
