package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.buffer.Buffer;

/** Budgets, gzip and string caps of the stream sink, without HTTP. */
class ReadBudgetTest {
    private static final long MIB = 1 << 20;

    private static AttributeStreamSink feed(byte[] body, int chunk, ReadBudget budget, StringCaps caps,
            boolean gzip) {
        AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, Long.MAX_VALUE, Integer.MAX_VALUE,
                budget, caps);
        if (gzip) {
            sink.gzip();
        }
        for (int i = 0; i < body.length && sink.cut() == Cut.NONE; i += chunk) {
            sink.write(Buffer.buffer(Arrays.copyOfRange(body, i, Math.min(body.length, i + chunk))));
        }
        sink.finish();
        return sink;
    }

    private static byte[] gzip(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (byte[] p : parts) {
                gz.write(p);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsInflatedNoFurtherThanTheBudget() throws IOException {
        String page = MispFixtures.page("g", 0, 3);
        int close = page.lastIndexOf(']');
        byte[] blanks = new byte[64 * (int) MIB];
        Arrays.fill(blanks, (byte) ' ');
        byte[] bomb = gzip(page.substring(0, close).getBytes(StandardCharsets.UTF_8), blanks,
                page.substring(close).getBytes(StandardCharsets.UTF_8));
        ReadBudget budget = new ReadBudget(MIB, new SearchBudget(256 * MIB, 10));

        AttributeStreamSink sink = feed(bomb, 64 * 1024, budget, StringCaps.none(), true);

        PageResult result = sink.result(0);
        assertThat(result.cut()).isEqualTo(Cut.BUDGET);
        assertThat(result.cutMessage()).isEqualTo("member byte budget of 1 MiB for one search reached");
        assertThat(result.attributes()).hasSize(3);
        // Counted decompressed: at most one inflation step past the budget was ever produced.
        assertThat(budget.bytesRead()).isEqualTo(MIB);
        assertThat(sink.bytesRead()).isLessThanOrEqualTo(MIB + Gunzip.STEP);
    }

    @Test
    void aGzipAnswerReadsLikeThePlainOneWhateverTheChunking() throws IOException {
        byte[] plain = MispFixtures.page("z", 0, 20).getBytes(StandardCharsets.UTF_8);
        byte[] zipped = gzip(plain);
        for (int chunk : new int[]{1, 5, 11, 4096}) {
            PageResult page = feed(zipped, chunk, ReadBudget.unlimited(), StringCaps.none(), true).result(0);
            assertThat(page.cut()).as("chunk %d", chunk).isEqualTo(Cut.NONE);
            assertThat(page.attributes()).hasSize(20);
        }
    }

    @Test
    void aGzipHeaderWithNameExtraAndCommentIsSkipped() throws Exception {
        byte[] plain = gzip("x".getBytes(StandardCharsets.UTF_8));
        // Same stream with FEXTRA (3 bytes), FNAME and FCOMMENT fields added to the header.
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(plain, 0, 10);
        byte[] header = h.toByteArray();
        header[3] = 4 | 8 | 16;
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        full.write(header);
        full.write(new byte[]{3, 0, 'a', 'b', 'c'});
        full.write("name.json\0".getBytes(StandardCharsets.ISO_8859_1));
        full.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        full.write(plain, 10, plain.length - 10);
        byte[] all = full.toByteArray();
        assertThat(Gunzip.headerLength(Arrays.copyOf(all, 12))).isEqualTo(-1);
        assertThat(Gunzip.headerLength(all)).isEqualTo(10 + 5 + 10 + 10);
    }

    @Test
    void theSearchBudgetIsSharedByItsMembers() {
        SearchBudget search = new SearchBudget(3 * MIB, 10);
        ReadBudget a = new ReadBudget(2 * MIB, search);
        ReadBudget b = new ReadBudget(2 * MIB, search);

        assertThat(a.grant(2 * MIB)).isEqualTo(2 * MIB);
        assertThat(b.grant(2 * MIB)).isEqualTo(MIB);
        assertThat(b.stopReason()).isEqualTo("search byte budget of 3 MiB (all members together) reached");
        assertThat(a.grant(1)).isZero();
        assertThat(a.stopReason()).isEqualTo("member byte budget of 2 MiB for one search reached");
        assertThat(search.bytesRead()).isEqualTo(3 * MIB);
    }

    @Test
    void pagesAreCountedAcrossMembers() {
        SearchBudget search = new SearchBudget(MIB, 3);
        ReadBudget a = new ReadBudget(MIB, search);
        ReadBudget b = new ReadBudget(MIB, search);
        assertThat(a.takePage()).isTrue();
        assertThat(b.takePage()).isTrue();
        assertThat(a.takePage()).isTrue();
        assertThat(b.takePage()).isFalse();
        assertThat(b.pagesMessage()).isEqualTo("page budget of 3 restSearch calls for this search reached");
        // Reads in flight go on: the page budget stops new calls only.
        assertThat(a.grant(10)).isEqualTo(10);
    }

    @Test
    void stoppingResetsOpenExchangesAndRefusesMoreBytes() {
        ReadBudget budget = new ReadBudget(MIB, SearchBudget.unlimited());
        int[] resets = new int[1];
        Runnable deregister = budget.open(() -> resets[0]++);
        budget.open(() -> resets[0]++).run();

        budget.stop("search deadline reached");

        assertThat(resets[0]).isEqualTo(1);
        assertThat(budget.grant(1)).isZero();
        assertThat(budget.stopReason()).isEqualTo("search deadline reached");
        deregister.run();
        assertThat(budget.openExchanges()).isZero();
        budget.open(() -> resets[0]++);
        assertThat(resets[0]).as("an exchange opened after the stop is reset at once").isEqualTo(2);
    }

    @Test
    void longStringsAreCutAndTheRecordsCounted() {
        ObjectNode a = MispFixtures.attribute("s", 1);
        a.put("comment", "c".repeat(50));
        ObjectNode b = MispFixtures.attribute("s", 2);
        ObjectNode orgc = ((ObjectNode) b.get("Event")).putObject("Orgc");
        orgc.put("name", "o".repeat(40));
        orgc.put("uuid", "5a2f1d9e-0000-4000-8000-000000000009");
        ((ObjectNode) b.get("Event")).putArray("Tag").addObject().put("name", "t".repeat(30));
        ObjectNode c = MispFixtures.attribute("s", 3);
        byte[] body = MispFixtures.response(java.util.List.of(a, b, c)).getBytes(StandardCharsets.UTF_8);

        PageResult page = feed(body, 100, ReadBudget.unlimited(), new StringCaps(1000, 10, 100, 20, 20), false)
                .result(0);

        assertThat(page.truncated()).isEqualTo(2);
        assertThat(page.attributes().get(0).comment()).isEqualTo("c".repeat(9) + "…");
        assertThat(page.attributes().get(1).event().orgcName()).hasSize(20).endsWith("…");
        assertThat(page.attributes().get(1).tags()).allSatisfy(t -> assertThat(t.name().length())
                .isLessThanOrEqualTo(20));
        assertThat(page.attributes().get(2).comment()).isEmpty();
    }
}
