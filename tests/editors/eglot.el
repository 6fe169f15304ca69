;; Emacs's eglot, configured as docs/editors.md says, for tests/test_editors.py: opens the label
;; $SUPPLINT_LABEL with `supplint server' ($SUPPLINT_PYTHON -m supplint server) and prints the Flymake diagnostics
;; it received, one "LINE TEXT" a line. Batch Emacs runs no commands or idle timers, so the connection and Flymake
;; are started by hand; a deadline ends the wait in any case.
(dolist (dir (and (file-directory-p "/usr/share/emacs/site-lisp/elpa")
                  (directory-files "/usr/share/emacs/site-lisp/elpa" t "^[a-z]")))
  (add-to-list 'load-path dir))  ; Debian's elpa-eglot and elpa-yaml-mode on Emacs 28
(require 'eglot)
(require 'yaml-mode)
(add-to-list 'eglot-server-programs `(yaml-mode . (,(getenv "SUPPLINT_PYTHON") "-m" "supplint" "server")))
(find-file (getenv "SUPPLINT_LABEL"))
(yaml-mode)
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 30)))
  (while (and (< (float-time) deadline) (not (flymake-diagnostics)))
    (accept-process-output nil 0.2)
    (when (eglot-current-server) (flymake-start))))
(dolist (d (flymake-diagnostics))
  (princ (format "%d %s\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
(kill-emacs 0)
