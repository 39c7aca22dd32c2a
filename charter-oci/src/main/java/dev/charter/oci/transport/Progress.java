package dev.charter.oci.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** Wraps bodies so a {@link ProgressListener.Tracker} sees their bytes move. */
final class Progress {

    private Progress() {
    }

    /** {@code Uploading sha256:0123456789ab} / {@code Downloading sha256:…}, from the blob URL. */
    static String label(String verb, URI uri) {
        String digest = null;
        String query = uri.getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("digest=")) {
                    digest = java.net.URLDecoder.decode(part.substring("digest=".length()), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        if (digest == null) {
            String path = uri.getPath();
            int blobs = path.lastIndexOf("/blobs/");
            digest = blobs >= 0 ? path.substring(blobs + "/blobs/".length()) : path.substring(path.lastIndexOf('/') + 1);
        }
        int colon = digest.indexOf(':');
        if (colon >= 0 && digest.length() > colon + 13) {
            digest = digest.substring(0, colon + 13);
        }
        return verb + " " + digest;
    }

    static BodyPublisher counting(BodyPublisher inner, ProgressListener.Tracker tracker) {
        return new BodyPublisher() {
            @Override
            public long contentLength() {
                return inner.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(new Flow.Subscriber<ByteBuffer>() {
                    @Override public void onSubscribe(Flow.Subscription s) { subscriber.onSubscribe(s); }

                    @Override public void onNext(ByteBuffer item) {
                        int n = item.remaining();
                        subscriber.onNext(item);
                        tracker.advance(n);
                    }

                    @Override public void onError(Throwable t) {
                        tracker.finish();
                        subscriber.onError(t);
                    }

                    @Override public void onComplete() {
                        tracker.finish();
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    static InputStream counting(InputStream in, ProgressListener.Tracker tracker) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    tracker.finish();
                } else {
                    tracker.advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    tracker.finish();
                } else {
                    tracker.advance(n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                tracker.finish();
                super.close();
            }
        };
    }
}
