package main

import (
	"fmt"
	"net/http"
)

type Server struct {
	mux *http.ServeMux
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprintf(w, `ok %d`, 200) // raw string
}
