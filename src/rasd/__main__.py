"""python -m rasd"""

from rasd.cli import main

main()
