// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Move focus to an error summary so screen-reader users hear what went wrong.
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) {
      summary.focus();
    }
  }

  // A confirmation (ui/feedback.py) stays in view at the top of the window: give it a
  // "Dismiss" button, and clear it when the next change starts, so it never confirms
  // something older than what the person just did.
  function offerDismiss(root) {
    var live = (root || document).querySelectorAll(".notification");
    Array.prototype.forEach.call(live, function (notification) {
      if (notification.querySelector(".notification__dismiss")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-button notification__dismiss";
      button.textContent = "Dismiss";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " this message";
      button.appendChild(hidden);
      notification.appendChild(button);
    });
  }

  function clearLive() {
    var shown = document.querySelectorAll("#notifications .notification");
    Array.prototype.forEach.call(shown, function (notification) {
      notification.remove();
    });
  }

  // A roadmap's sections fold behind their "Sections" button (shown on a phone only).
  function foldSections() {
    var toggle = document.querySelector(".roadmap-nav__toggle");
    if (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", open ? "false" : "true");
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    offerDismiss(document.getElementById("notifications"));
    focusErrorSummary(document);
    foldSections();
  });
  // htmx fires afterSwap on the new content: for an outerHTML swap that is the
  // element that replaced the target (event.detail.target is the old, detached one).
  document.addEventListener("htmx:afterSwap", function (event) {
    focusErrorSummary(event.target);
  });
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    offerDismiss(event.detail.target || document);
  });
  // A form saved in place (data-save-form) that did not reach the server keeps
  // what was chosen and says so in its save state, so nothing is lost unseen.
  function notSaved(event, why) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("[data-save-form]");
    var state = form && form.querySelector("[data-save-state]");
    if (state) {
      state.textContent = "Not saved: " + why + " What you chose is still here: press the button again.";
      state.classList.add("warning-text");
    }
  }
  document.addEventListener("htmx:sendError", function (event) {
    notSaved(event, "the connection failed.");
  });
  document.addEventListener("htmx:responseError", function (event) {
    notSaved(event, "the service could not save it just now.");
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
    if (verb && verb !== "get") {
      clearLive();
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".notification__dismiss");
    if (button) {
      var notification = button.closest(".notification");
      // Focus was on the button, which is about to go: put it somewhere sensible.
      var main = document.getElementById("main");
      notification.remove();
      if (main) {
        main.focus({ preventScroll: true });
      }
    }
  });
})();
