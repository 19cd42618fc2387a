package web

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"xxgk/importer"
	"xxgk/samples"
)

// TestShutdownFinishesUploads: Ctrl-C (the context ending) while a file is being
// uploaded lets that upload finish and be stored; then Serve returns.
func TestShutdownFinishesUploads(t *testing.T) {
	f := newFixture(t, testdbSQLite(t))
	u := f.unit(0)
	body, ctype := multipartBody(nil, fileName(u), f.workbook(u, samples.Good, 1))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- f.srv.Serve(ctx, ln, "", "", 30*time.Second) }()

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/api/upload", pr)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+f.codes[u.Code])
	req.ContentLength = int64(body.Len())
	answered := make(chan *http.Response, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
		}
		answered <- resp
	}()
	data := body.Bytes()
	pw.Write(data[:len(data)/2])
	time.Sleep(300 * time.Millisecond) // the handler is reading the body
	cancel()                           // Ctrl-C
	time.Sleep(100 * time.Millisecond)
	pw.Write(data[len(data)/2:])
	pw.Close()
	resp := <-answered
	if resp == nil {
		t.Fatal("no answer")
	}
	defer resp.Body.Close()
	var j importer.JSON
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil || resp.StatusCode != 200 || j.Outcome != "accepted" {
		t.Fatalf("upload during shutdown: %d %+v %v", resp.StatusCode, j, err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the upload finished")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}
