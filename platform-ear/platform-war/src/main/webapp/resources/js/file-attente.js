/*
 * The surge queue's page ("file d'attente"): asks again for the page after the delay the server gave (Retry-After, in
 * data-refresh), by the "Vérifier maintenant" link's address; the ticket travels in its cookie, so the family keeps its
 * place. Without JavaScript the link does the same.
 */
(function () {
  var link = document.getElementById('refresh');
  var seconds = link ? parseInt(link.getAttribute('data-refresh'), 10) : NaN;
  if (seconds > 0) {
    window.setTimeout(function () { window.location.replace(link.href); }, seconds * 1000);
  }
})();
