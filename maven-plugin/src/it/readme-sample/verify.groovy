// The README's project built: the generated cell tests ran, every one of them, and passed; the
// second build found the spec up to date.
int expectedCells
def log = new File(basedir, 'build.log').text

def generated = (log =~ /tcpfsm: mini\.fsm: \d+ test classes, (\d+) cell tests/)
assert generated.find() : 'the plugin did not generate the cell tests'
expectedCells = generated.group(1) as int
assert expectedCells == 44 : "mini.fsm has 44 cells, the plugin reported ${expectedCells}"

int tests = 0
int failed = 0
new File(basedir, 'target/surefire-reports').eachFileMatch(~/TEST-.*\.xml/) { f ->
  def suite = (f.text =~ /<testsuite\b[^>]*>/)[0]
  tests += ((suite =~ /\btests="(\d+)"/)[0][1]) as int
  failed += ((suite =~ /\bfailures="(\d+)"/)[0][1]) as int
  failed += ((suite =~ /\berrors="(\d+)"/)[0][1]) as int
}
assert tests == expectedCells : "surefire ran ${tests} tests, expected the ${expectedCells} generated cell tests"
assert failed == 0

assert log.contains('tcpfsm: 1 spec(s) up to date, nothing to generate') : 'the second build regenerated'
assert log.count('Nothing to compile - all classes are up to date') == 2 : 'the second build recompiled'
assert new File(basedir, 'target/classes/com/example/tcp/Rfc9293Machine.class').isFile()
return true
