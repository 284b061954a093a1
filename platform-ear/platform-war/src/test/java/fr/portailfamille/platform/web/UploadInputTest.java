package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.Part;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files a refused form had in a field, to be named next to it once the browser has dropped them. */
class UploadInputTest {

    static Part part(String fileName, long size) {
        return (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[] {Part.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSubmittedFileName" -> fileName;
                    case "getSize" -> size;
                    case "getName" -> "files";
                    case "getContentType" -> "application/pdf";
                    default -> null;
                });
    }

    @Test
    void aChosenFileIsNamedAnEmptyFieldIsNot() {
        assertEquals(List.of("ordonnance.pdf"), UploadInput.names(part("ordonnance.pdf", 120)));
        assertEquals(List.of(), UploadInput.names(null));
        assertEquals(List.of(), UploadInput.names(part("", 0)), "a field left empty still sends a part");
        assertEquals(List.of(), UploadInput.names(part("vide.pdf", 0)));
    }

    @Test
    void everyFileOfAMultipleFieldIsNamedInOrder() {
        assertEquals(List.of("a.pdf", "b.png"), UploadInput.names(List.of(part("a.pdf", 10), part("", 0), part("b.png", 20))));
    }

    @Test
    void theSerializablePartKeepsTheNameTheNoteNeeds() {
        assertEquals(List.of("photo.jpg"), UploadInput.names(new UploadInput.UploadedPart(part("photo.jpg", 3))));
    }
}
