package molbatch.opsin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.ac.cam.ch.wwmm.opsin.NameToStructure;
import uk.ac.cam.ch.wwmm.opsin.NameToStructureConfig;
import uk.ac.cam.ch.wwmm.opsin.OpsinResult;
import uk.ac.cam.ch.wwmm.opsin.OpsinWarning;

/**
 * Converts IUPAC names to SMILES with OPSIN, one JSON request per stdin line and one JSON
 * answer per stdout line. Prints a ready line once OPSIN is loaded and exits 0 on EOF.
 */
public final class OpsinWorker {
  private static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final NameToStructure opsin;
  private final Writer out;

  private OpsinWorker(NameToStructure opsin, Writer out) {
    this.opsin = opsin;
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    quietLogging();

    if (args.length > 0 && args[0].equals("--version")) {
      System.out.println(version());
      return;
    }

    Writer out = protocolOut();
    OpsinWorker worker = new OpsinWorker(NameToStructure.getInstance(), out);
    worker.warmUp();
    if (args.length > 1 && args[0].equals("--bench")) {
      worker.bench(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8), args);
      return;
    }
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("ready", true);
    ready.put("opsinVersion", version());
    worker.send(ready, true);

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        // While more requests wait, answers go out together: a flush per answer costs a
        // system call each and showed as 20% of pool throughput.
        worker.send(worker.answer(line), !in.ready());
      }
    }
  }

  /** Must run before OPSIN's classes load: log4j picks its backend once, on first use. */
  private static void quietLogging() {
    String simpleLogger = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";
    System.setProperty("log4j2.loggerContextFactory", simpleLogger);
    System.setProperty("org.apache.logging.log4j.simplelog.level", "ERROR");
    System.setProperty("org.apache.logging.log4j.simplelog.logFile", "system.err");
    System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "ERROR");
  }

  /**
   * Takes the real stdout for the protocol and points System.out at stderr, so a stray print
   * in any library can never corrupt the answer stream.
   */
  private static Writer protocolOut() {
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
  }

  private static String version() {
    String version = NameToStructure.getVersion();
    return version == null ? "unknown" : version;
  }

  /** The first parse loads resources lazily; pay for that before saying ready. */
  private void warmUp() {
    opsin.parseChemicalName("ethanol");
  }

  /**
   * The benchmark's anchor: converts every name in a loop, with no protocol in between, once
   * untimed to warm the JIT and then {@code rounds} times, and prints the names per second.
   */
  private void bench(List<String> lines, String[] args) throws IOException {
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> names = lines.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
    convertAll(names, 1);
    long started = System.nanoTime();
    convertAll(names, rounds);
    double seconds = (System.nanoTime() - started) / 1e9;

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("names", names.size() * rounds);
    result.put("seconds", seconds);
    result.put("namesPerSecond", names.size() * rounds / seconds);
    send(result, true);
  }

  private void convertAll(List<String> names, int rounds) {
    for (int round = 0; round < rounds; round++) {
      for (String name : names) {
        try {
          convert("bench", name, readConfig(null));
        } catch (RuntimeException | StackOverflowError e) {
          // The protocol answers such a name with FAILURE; the loop just goes on.
        }
      }
    }
  }

  private void send(Map<String, Object> message, boolean flush) throws IOException {
    out.write(GSON.toJson(message));
    out.write('\n');
    if (flush) {
      out.flush();
    }
  }

  private Map<String, Object> answer(String line) {
    String id = null;
    try {
      JsonObject request = JsonParser.parseString(line).getAsJsonObject();
      id = readString(request, "id");
      String name = readString(request, "name");
      if (id == null || name == null) {
        return failure(id, "Malformed request: \"id\" and \"name\" must be strings");
      }
      return convert(id, name, readConfig(request.get("options")));
    } catch (RuntimeException | StackOverflowError e) {
      return failure(id, "Malformed request or OPSIN error: " + e);
    }
  }

  private Map<String, Object> convert(String id, String name, NameToStructureConfig config) {
    OpsinResult result = opsin.parseChemicalName(name, config);
    OpsinResult.OPSIN_RESULT_STATUS status = result.getStatus();
    String smiles = status == OpsinResult.OPSIN_RESULT_STATUS.FAILURE ? null : result.getSmiles();
    if (status != OpsinResult.OPSIN_RESULT_STATUS.FAILURE && smiles == null) {
      return failure(id, "OPSIN built a structure but could not write it as SMILES");
    }

    List<String> warnings = new ArrayList<>();
    for (OpsinWarning warning : result.getWarnings()) {
      warnings.add(warning.getMessage());
    }
    String message = result.getMessage() == null ? "" : result.getMessage();
    return answerOf(id, status.name(), smiles, message, warnings);
  }

  private static NameToStructureConfig readConfig(JsonElement options) {
    NameToStructureConfig config = new NameToStructureConfig();
    config.setDetailedFailureAnalysis(false);
    if (options == null || !options.isJsonObject()) {
      return config;
    }

    JsonObject o = options.getAsJsonObject();
    config.setAllowRadicals(readFlag(o, "allowRadicals", config.isAllowRadicals()));
    boolean acids = config.allowInterpretationOfAcidsWithoutTheWordAcid();
    config.setInterpretAcidsWithoutTheWordAcid(readFlag(o, "allowAcidsWithoutAcid", acids));
    config.setWarnRatherThanFailOnUninterpretableStereochemistry(
        readFlag(
            o, "stereoAsWarning", config.warnRatherThanFailOnUninterpretableStereochemistry()));
    return config;
  }

  private static String readString(JsonObject o, String key) {
    JsonElement value = o.get(key);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      return null;
    }
    return value.getAsString();
  }

  private static boolean readFlag(JsonObject o, String key, boolean fallback) {
    JsonElement value = o.get(key);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      return fallback;
    }
    return value.getAsBoolean();
  }

  private static Map<String, Object> failure(String id, String message) {
    return answerOf(id, "FAILURE", null, message, List.of());
  }

  private static Map<String, Object> answerOf(
      String id, String status, String smiles, String message, List<String> warnings) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("status", status);
    answer.put("smiles", smiles);
    answer.put("message", message);
    answer.put("warnings", warnings);
    return answer;
  }
}
