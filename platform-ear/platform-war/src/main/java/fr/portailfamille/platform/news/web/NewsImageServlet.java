package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A news's image ({@code /actualites/image?id=}), for whoever may read the news (the service decides: everyone for a
 * news for everyone online, the families of a targeted news, the commune's agents); any other id answers 404, so
 * that an id tells nothing. Sent with the headers of the other file downloads (type detected at upload, nosniff,
 * not cached), inline.
 */
@WebServlet("/actualites/image")
public class NewsImageServlet extends HttpServlet {

    @Inject
    NewsService news;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<NewsService.Image> image;
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
            image = news.image(SignedInUser.of(req), id);
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Identifiant d'actualité invalide.");
            return;
        }
        if (image.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        NewsService.Image i = image.get();
        FileResponses.inline(resp, i.contentType(), "actualite-" + id + (i.contentType().equals("image/png") ? ".png" : ".jpg"));
        FileResponses.send(resp, i.content());
    }
}
