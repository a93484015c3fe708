package vn.id06.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenIdInspection;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.qr.CardQr;
import vn.id06.core.qr.CardQrParser;

/**
 * The README's quick start, line for line, so the first code an integrator copies keeps compiling.
 */
class ReadmeQuickStartTest {
  @Test
  void quickStartRunsAsWritten() {
    // What a hospital reader hands over: UTF-8 bytes that went through a Windows-1252 program.
    byte[] scannedBytes =
        new String(
                "079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021"
                    .getBytes(StandardCharsets.UTF_8),
                Charset.forName("windows-1252"))
            .getBytes(StandardCharsets.UTF_8);

    // --- README, "Quick start" ---
    CardQr qr = CardQrParser.standard().parse(scannedBytes); // CCCD 2021/2024 or BHYT, repaired
    CitizenRecord citizen = qr.record(); // same type the chip reader and gateway give
    qr.repairs().forEach(r -> System.err.println(r.field() + " repaired: " + r.kind()));
    CitizenIdInspection check =
        CitizenId.inspect("079190012345", Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
    boolean same = citizen.fullName().orElseThrow().sameAs(VietnameseName.of("Nguyễn Thị Hòa"));
    // --- end ---

    assertThat(check.valid()).isTrue();
    assertThat(same).as("old and new tone placement name the same person").isTrue();
    assertThat(citizen.provenance().level()).isEqualTo(ProofLevel.CARD_QR);
    assertThat(qr.repairs()).isNotEmpty();
  }
}
