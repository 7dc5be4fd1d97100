package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** net.cidr_* with Go's parsing, containment and merge rules (net.cidr_overlap is the deprecated contains). */
final class Net {
  private Net() {}

  private static final int MAX_EXPAND = 1 << 20;

  static void register(BuiltinRegistry r) {
    Builtin contains = (ctx, a) -> b(contains(net(a, 1), str(a, 2)));
    def(r, "net.cidr_contains", contains);
    def(r, "net.cidr_overlap", contains);
    def(r, "net.cidr_intersects", (ctx, a) -> {
      IpNet x = net(a, 1);
      IpNet y = net(a, 2);
      return b(x.contains(y.at(y.first())) || y.contains(x.at(x.first())));
    });
    def(r, "net.cidr_is_valid", (ctx, a) -> b(a.get(0) instanceof StringValue sv && IpNet.parseCidr(sv.value()) != null));
    def(r, "net.cidr_expand", (ctx, a) -> {
      IpNet n = net(a, 1);
      BigInteger count = n.last().subtract(n.first()).add(BigInteger.ONE);
      if (count.compareTo(BigInteger.valueOf(MAX_EXPAND)) > 0) throw Args.fail("CIDR range too large to expand: " + count + " addresses");
      TreeSet<Value> out = new TreeSet<>();
      BigInteger ip = n.first();
      for (long i = 0; i < count.longValue(); i++) {
        if ((i & 0xFFF) == 0) ctx.checkDeadline();
        out.add(s(IpNet.format(ip, n.bits())));
        ip = ip.add(BigInteger.ONE);
      }
      return SetValue.wrap(out);
    });
    def(r, "net.cidr_merge", (ctx, a) -> {
      Value v = a.get(0);
      List<Value> items;
      if (v instanceof ArrayValue x) items = x.items();
      else if (v instanceof SetValue x) items = new ArrayList<>(x.items());
      else throw Args.fail("operand must be an array");
      List<IpNet> nets = new ArrayList<>();
      for (Value e : items) nets.add(mergeInput(e));
      TreeSet<Value> out = new TreeSet<>();
      for (String c : merge(nets)) out.add(s(c));
      return SetValue.wrap(out);
    });
    def(r, "net.cidr_contains_matches", (ctx, a) -> {
      TreeSet<Value> out = new TreeSet<>();
      List<Value[]> xs = matchOperand(1, a.get(0));
      List<Value[]> ys = matchOperand(2, a.get(1));
      for (Value[] x : xs) {
        if (!(x[0] instanceof StringValue cx)) throw Args.typeError(1, x[0], "string");
        IpNet n = IpNet.parseCidr(cx.value());
        if (n == null) throw Args.fail("invalid CIDR address: " + cx.value());
        for (Value[] y : ys) {
          if (!(y[0] instanceof StringValue cy)) throw Args.typeError(1, y[0], "string");
          if (contains(n, cy.value())) out.add(ArrayValue.of(x[1], y[1]));
        }
      }
      return SetValue.wrap(out);
    });
  }

  private static IpNet net(List<Value> a, int pos) {
    String s = str(a, pos);
    IpNet n = IpNet.parseCidr(s);
    if (n == null) throw Args.fail("invalid CIDR address: " + s);
    return n;
  }

  static boolean contains(IpNet n, String other) {
    IpNet ip = IpNet.parseIp(other);
    if (ip != null) return n.contains(ip);
    IpNet m = IpNet.parseCidr(other);
    if (m == null) throw Args.fail("not a valid textual representation of an IP address or CIDR: " + other);
    return n.contains(m.at(m.first())) && n.contains(m.at(m.last()));
  }

  /** Pairs of (cidr, key) from a string, array, set or object operand. */
  private static List<Value[]> matchOperand(int pos, Value v) {
    List<Value[]> out = new ArrayList<>();
    if (v instanceof StringValue) {
      out.add(new Value[] {v, v});
    } else if (v instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) out.add(new Value[] {matchTerm(pos, arr.get(i)), NumberValue.of(i)});
    } else if (v instanceof SetValue set) {
      for (Value e : set) out.add(new Value[] {matchTerm(pos, e), e});
    } else if (v instanceof ObjectValue o) {
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) out.add(new Value[] {matchTerm(pos, e.getValue()), e.getKey()});
    }
    return out;
  }

  private static Value matchTerm(int pos, Value v) {
    if (v instanceof StringValue) return v;
    if (v instanceof ArrayValue arr && arr.size() > 0) return arr.get(0);
    throw Args.fail("operand " + pos + ": element must be string or non-empty array");
  }

  private static IpNet mergeInput(Value e) {
    if (!(e instanceof StringValue sv)) throw Args.fail("element must be string");
    IpNet ip = IpNet.parseIp(sv.value());
    if (ip == null) {
      IpNet n = IpNet.parseCidr(sv.value());
      if (n == null) throw Args.fail("invalid CIDR address: " + sv.value());
      return n;
    }
    if (ip.bits() == 32) {
      // Go pairs a bare IPv4 address with its classful default mask, unmasked.
      long first = ip.ip().longValue() >> 24;
      int prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
      return new IpNet(ip.ip(), 32, prefix);
    }
    throw Args.fail("IPv6 invalid: needs prefix length");
  }

  /** Sorts ranges, merges overlapping or adjacent ones, and splits merged ranges back into CIDRs. */
  static List<String> merge(List<IpNet> nets) {
    record Range(BigInteger first, BigInteger last, int bits, IpNet original) {}
    List<Range> ranges = new ArrayList<>();
    for (IpNet n : nets) ranges.add(new Range(n.first(), n.last(), n.bits(), n));
    ranges.sort(Comparator.comparing((Range x) -> x.bits).thenComparing(x -> x.last).thenComparing(x -> x.first));
    for (int i = ranges.size() - 1; i > 0; i--) {
      Range cur = ranges.get(i);
      Range prev = ranges.get(i - 1);
      if (cur.bits != prev.bits) continue;
      if (cur.first.subtract(BigInteger.ONE).compareTo(prev.last) <= 0) {
        BigInteger first = prev.first.min(cur.first);
        ranges.set(i - 1, new Range(first, cur.last, cur.bits, null));
        ranges.remove(i);
      }
    }
    List<String> out = new ArrayList<>();
    for (Range rg : ranges) {
      if (rg.original != null) {
        out.add(rg.original.cidrString());
        continue;
      }
      BigInteger start = rg.first;
      while (start.compareTo(rg.last) <= 0) {
        int size = rg.bits;
        // Largest aligned block starting at start that stays within the range.
        int host = start.signum() == 0 ? rg.bits : start.getLowestSetBit();
        host = Math.min(host, rg.bits);
        while (host > 0 && start.add(BigInteger.ONE.shiftLeft(host)).subtract(BigInteger.ONE).compareTo(rg.last) > 0) host--;
        out.add(IpNet.format(start, rg.bits) + "/" + (size - host));
        start = start.add(BigInteger.ONE.shiftLeft(host));
      }
    }
    return out;
  }
}
