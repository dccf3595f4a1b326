/* The article page's one script (served from /news/assets/article.js; the CSP allows no inline
   script): records one view per page load, and makes the Share button work. No third party. */
/* global document, navigator, window, fetch, setTimeout */
(function () {
  'use strict';

  var article = document.querySelector('article[data-document-id]');
  if (article && article.getAttribute('data-preview') !== 'true') {
    var id = article.getAttribute('data-document-id');
    // No body, no query, no credentials: the fast path of POST /api/articles/:documentId/views.
    fetch('/api/articles/' + encodeURIComponent(id) + '/views', {
      method: 'POST',
      credentials: 'omit',
      keepalive: true,
    }).catch(function () {
      // A view that could not be recorded changes nothing for the reader.
    });
  }

  var button = document.querySelector('[data-testid="share"]');
  if (!button) return;
  var status = document.querySelector('.share-status');
  var url = button.getAttribute('data-share-url') || window.location.href;
  var title = button.getAttribute('data-share-title') || document.title;

  var say = function (text) {
    if (!status) return;
    status.textContent = text;
    setTimeout(function () {
      status.textContent = '';
    }, 3000);
  };

  button.addEventListener('click', function () {
    if (typeof navigator.share === 'function') {
      navigator.share({ title: title, url: url }).catch(function () {
        // The reader closed the share sheet.
      });
      return;
    }
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      navigator.clipboard.writeText(url).then(
        function () {
          say('Link copied');
        },
        function () {
          say(url);
        },
      );
      return;
    }
    say(url);
  });
})();
