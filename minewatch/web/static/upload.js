// Upload with a progress bar; without this script the form posts and the server redirects.
(function () {
  "use strict";
  const form = document.getElementById("upload");
  if (!form || !window.XMLHttpRequest) return;
  const bar = document.getElementById("progress");
  const status = document.getElementById("status");

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    bar.hidden = false;
    bar.value = 0;
    status.textContent = "Uploading…";
    xhr.upload.addEventListener("progress", (p) => {
      if (p.lengthComputable) bar.value = Math.round((100 * p.loaded) / p.total);
    });
    xhr.upload.addEventListener("load", () => {
      bar.removeAttribute("value"); // indeterminate while the server reads and extracts
      status.textContent = "Reading and extracting facts…";
    });
    xhr.addEventListener("load", () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON: an error page */ }
      if (xhr.status >= 200 && xhr.status < 300 && body.url) {
        bar.value = 100;
        status.textContent = `${body.created ? "Stored" : "Already stored"}: ${body.facts} facts. Opening…`;
        location.href = body.url + (body.created ? "?new=1" : "?known=1");
      } else {
        bar.hidden = true;
        status.textContent = body.detail || `Upload failed (HTTP ${xhr.status}).`;
        status.className = "small warn";
      }
    });
    xhr.addEventListener("error", () => {
      bar.hidden = true;
      status.textContent = "The upload did not reach the server.";
    });
    xhr.send(new FormData(form));
  });
})();
